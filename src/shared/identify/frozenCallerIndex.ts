/**
 * A read-only caller index that answers straight from a snapshot's lines (`SnapshotLines`), without
 * building a Map per record: the warm start's first lookup, and lookups during a first sync (issue 12).
 *
 * Building the live index (callerIndex.ts) at 100k profiles is ~300k Map inserts: 1–2 s of the main
 * thread in a busy renderer. Here the profiles stay one string, with a hash table in typed arrays
 * (`LineTable`: email or key → line) built beside it by whoever made the lines (the sync worker, or
 * an idle moment before the snapshot is saved); a lookup hashes the value, reads the few lines its
 * probe sequence names and keeps those whose field holds it. A restart or a page of a first sync
 * hands over strings and typed arrays: no per-record work on the main thread at all. It answers
 * until the live index is built in the background (DirectoryIndexStore stage 1).
 *
 * Sites are answered by a live index that holds them alone (`sites`). Answers are the live index's
 * over the same records (frozenCallerIndex.property.test.ts).
 */
import { fnv1a } from '../hash/fnv1a.js';
import type { Candidate, CallerLookup, LineTable, SnapshotLines } from './types.js';

/** The fields of one profile line. */
interface ProfileLine {
  id: string;
  siteId: string;
  email: string;
  keys: string;
}

/** Start offset of every line of `text` ('' has none). */
function lineStarts(text: string): Int32Array {
  if (text === '') return new Int32Array(0);
  let n = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  const starts = new Int32Array(n);
  let i = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[i++] = at + 1;
  return starts;
}

/**
 * The lookup table over profile lines (`id \t siteId \t email \t keys`): every email and phone key
 * hashed to its line. One pass and a few typed arrays: ~30 ms at 100k profiles, done by the sync
 * worker or at an idle moment, so a frozen index is ready the moment it is given its lines.
 */
export function buildLineTable(profiles: string): LineTable {
  const starts = lineStarts(profiles);
  const hashes: number[] = [];
  const owners: number[] = [];
  for (let line = 0; line < starts.length; line++) {
    const end = line + 1 < starts.length ? starts[line + 1]! - 1 : profiles.length;
    const emailAt = profiles.indexOf('\t', profiles.indexOf('\t', starts[line]!) + 1) + 1;
    const keysAt = profiles.indexOf('\t', emailAt) + 1;
    if (keysAt - 1 > emailAt) {
      hashes.push(fnv1a(profiles, emailAt, keysAt - 1));
      owners.push(line);
    }
    for (let at = keysAt; at < end;) {
      const space = profiles.indexOf(' ', at);
      const to = space < 0 || space > end ? end : space;
      if (to > at) {
        hashes.push(fnv1a(profiles, at, to));
        owners.push(line);
      }
      at = to + 1;
    }
  }
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const full = new Int32Array(size);
  for (let i = 0; i < hashes.length; i++) {
    let h = hashes[i]! & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = owners[i]! + 1;
    full[h] = hashes[i]!;
  }
  return { starts, slots, hashes: full };
}

/** The sites' stored keys by id (`SnapshotLines.sites`), to index the site records without parsing a number. */
export function siteKeysOf(lines: SnapshotLines): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of lines.sites === '' ? [] : lines.sites.split('\n')) {
    const tab = line.indexOf('\t');
    out.set(line.slice(0, tab), tab + 1 < line.length ? line.slice(tab + 1).split(' ') : []);
  }
  return out;
}

export class FrozenCallerIndex implements CallerLookup {
  private readonly table: LineTable;
  private counted: { sites: number; profiles: number; phones: number } | undefined;

  /**
   * `sites`: a live index holding the sites (and no profiles): their numbers, domains and countries,
   * few enough to index record by record (10k sites: a few ms), and what a first sync updates page by page.
   */
  constructor(
    private readonly lines: SnapshotLines,
    private readonly sites: CallerLookup,
  ) {
    this.table = lines.table ?? buildLineTable(lines.profiles);
  }

  candidatesForPhone(e164: string): Candidate[] {
    const out: Candidate[] = this.find(e164, 3).map((p) => ({
      siteId: p.siteId,
      profileId: p.id,
      matched: 'profile_phone' as const,
      confidence: 3 as const,
      value: e164,
    }));
    out.push(...this.sites.candidatesForPhone(e164));
    return out;
  }

  candidatesForEmail(address: string, domain: string): Candidate[] {
    const people = address ? this.find(address, 2) : [];
    if (people.length > 0)
      return people.map((p) => ({
        siteId: p.siteId,
        profileId: p.id,
        matched: 'profile_email' as const,
        confidence: 3 as const,
        value: address,
      }));
    return this.sites.candidatesForEmail(address, domain);
  }

  get defaultCountry(): string | undefined {
    return this.sites.defaultCountry;
  }

  get countries(): readonly string[] {
    return this.sites.countries;
  }

  /** Counted on first use (a pass over the lines): diagnostics read it, lookups never do. */
  get stats(): { sites: number; profiles: number; phones: number } {
    if (this.counted) return this.counted;
    const text = this.lines.profiles;
    const { starts } = this.table;
    let phones = this.sites.stats.phones;
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1]! - 1 : text.length;
      const keysAt = text.lastIndexOf('\t', end - 1) + 1;
      if (keysAt < end) phones += text.slice(keysAt, end).split(' ').length;
    }
    this.counted = { sites: this.sites.stats.sites, profiles: starts.length, phones };
    return this.counted;
  }

  /** The profiles whose field `field` (2 email, 3 keys) holds `value` whole, by the line table. */
  private find(value: string, field: 2 | 3): ProfileLine[] {
    const { slots, hashes } = this.table;
    const mask = slots.length - 1;
    const hash = fnv1a(value);
    const out: ProfileLine[] = [];
    for (let h = hash & mask; slots[h] !== 0; h = (h + 1) & mask) {
      if (hashes[h] !== hash) continue;
      const line = this.line(slots[h]! - 1);
      const hit = field === 3 ? line.keys.split(' ').includes(value) : line.email === value;
      if (hit && !out.some((p) => p.id === line.id)) out.push(line);
    }
    return out;
  }

  /** Line `n` split into its fields. */
  private line(n: number): ProfileLine {
    const { starts } = this.table;
    const start = starts[n]!;
    const end = n + 1 < starts.length ? starts[n + 1]! - 1 : this.lines.profiles.length;
    const [id = '', siteId = '', email = '', keys = ''] = this.lines.profiles.slice(start, end).split('\t');
    return { id, siteId, email, keys };
  }
}
