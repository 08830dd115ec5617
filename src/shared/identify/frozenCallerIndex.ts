/**
 * A read-only caller index that answers straight from a snapshot's lines (`SnapshotLines`), without
 * building a Map per record: the warm start's first lookup, and lookups during a first sync (issue 12).
 *
 * Building the live index (callerIndex.ts) at 100k profiles is ~300k Map inserts: 1–2 s of the main
 * thread in a busy renderer. Here the profiles stay one string; a lookup finds the key with
 * `indexOf` (a few hundred µs per 1 MB, native) and reads the line it sits in, found by binary
 * search over the line starts. Slower per query than a Map, still far under a frame at 250k, and it
 * is only used until the live index is built in the background (DirectoryIndexStore stage 1).
 *
 * Construction: one pass for the line starts (typed array) and a small Map for the sites' numbers,
 * domains and countries (10k sites: a few ms). Answers are the live index's over the same records.
 */
import { byCount, domainCandidates, mostCommon, siteDomain } from './callerIndex.js';
import { Postings } from './postings.js';
import type { Candidate, CallerLookup, IndexSite, SnapshotLines } from './types.js';

/** The fields of one profile line. */
interface ProfileLine {
  id: string;
  siteId: string;
  email: string;
  keys: string;
}

const NL = 10; // '\n'
const TAB = 9;
const SPACE = 32;

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

export class FrozenCallerIndex implements CallerLookup {
  private readonly starts: Int32Array;
  private readonly sitePhones = new Postings();
  private readonly siteDomains = new Postings();
  private readonly siteCountries = new Map<string, number>();
  private readonly countryOrder: string[];
  private siteCount = 0;
  private counted: { sites: number; profiles: number; phones: number } | undefined;

  /** `sites`: the records of the snapshot's sites (their domains and countries are not in the lines). */
  constructor(
    private readonly lines: SnapshotLines,
    sites: Iterable<IndexSite>,
  ) {
    this.starts = lineStarts(lines.profiles);
    for (const line of lines.sites === '' ? [] : lines.sites.split('\n')) {
      const tab = line.indexOf('\t');
      const id = line.slice(0, tab);
      const keys = line.slice(tab + 1);
      if (keys) for (const key of keys.split(' ')) this.sitePhones.add(key, id);
    }
    for (const site of sites) {
      const domain = siteDomain(site);
      if (domain) this.siteDomains.add(domain, site.id);
      this.siteCountries.set(site.country, (this.siteCountries.get(site.country) ?? 0) + 1);
      this.siteCount++;
    }
    this.countryOrder = byCount(this.siteCountries);
  }

  candidatesForPhone(e164: string): Candidate[] {
    const out: Candidate[] = [];
    for (const p of this.find(e164, 3)) {
      out.push({ siteId: p.siteId, profileId: p.id, matched: 'profile_phone', confidence: 3, value: e164 });
    }
    for (const siteId of this.sitePhones.get(e164))
      out.push({ siteId, matched: 'site_phone', confidence: 2, value: e164 });
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
    return domainCandidates(domain, (suffix) => this.siteDomains.get(suffix));
  }

  get defaultCountry(): string | undefined {
    return mostCommon(this.siteCountries);
  }

  get countries(): readonly string[] {
    return this.countryOrder;
  }

  /** Counted on first use (a pass over the lines): diagnostics read it, lookups never do. */
  get stats(): { sites: number; profiles: number; phones: number } {
    if (this.counted) return this.counted;
    const text = this.lines.profiles;
    let phones = this.sitePhones.size;
    for (let i = 0; i < this.starts.length; i++) {
      const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : text.length;
      const keysAt = text.lastIndexOf('\t', end - 1) + 1;
      if (keysAt < end) phones += text.slice(keysAt, end).split(' ').length;
    }
    this.counted = { sites: this.siteCount, profiles: this.starts.length, phones };
    return this.counted;
  }

  /**
   * The profiles whose field `field` (2 email, 3 keys) holds `value` whole: every occurrence of it
   * in the text, kept when it is bounded by separators and sits in that field of its line.
   */
  private find(value: string, field: 2 | 3): ProfileLine[] {
    const text = this.lines.profiles;
    const out: ProfileLine[] = [];
    for (let at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
      const before = at === 0 ? NL : text.charCodeAt(at - 1);
      const after = at + value.length === text.length ? NL : text.charCodeAt(at + value.length);
      const bounded =
        field === 3
          ? (before === TAB || before === SPACE) && (after === NL || after === SPACE)
          : before === TAB && after === TAB;
      if (!bounded) continue;
      const line = this.lineAt(at);
      const hit = field === 3 ? line.keys.split(' ').includes(value) : line.email === value;
      if (hit && !out.some((p) => p.id === line.id)) out.push(line);
    }
    return out;
  }

  /** The line holding offset `at` (binary search over the line starts). */
  private lineAt(at: number): ProfileLine {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo]!;
    const end = lo + 1 < this.starts.length ? this.starts[lo + 1]! - 1 : this.lines.profiles.length;
    const [id = '', siteId = '', email = '', keys = ''] = this.lines.profiles.slice(start, end).split('\t');
    return { id, siteId, email, keys };
  }
}
