/**
 * Server-side caller identification: the same shared `CallerIndex` + `identifyCaller` the desktop
 * client uses, kept in step with the database by replaying the change feed (changes after the last
 * seq it applied). It catches up before a lookup when this process wrote through its
 * DirectoryStore (read-your-writes), and otherwise checks at most every `recheckMs` — which picks up
 * writes from other processes (`callsign-server generate`, a future second instance) within that
 * delay without a database read on every lookup. A backlog larger than `inlineLimit` changes (a
 * bulk load elsewhere) is applied in the background while lookups answer from the current index,
 * so no request waits seconds for a 100k-record catch-up. Memory: the index holds normalised phones, emails and
 * domains only; full records are read from the database per result.
 */
import { AppError } from '../../shared/api/index.js';
import type { ClientProfile, Site } from '../../shared/domain/index.js';
import { identifyNumbersInText, type IdentifyOptions, type NumberInText } from '../../shared/identify/index.js';
import type { Candidate, CallerIndex, IdentifyOutcome } from '../../shared/identify/types.js';
import type { ChangeRow, DirectoryStore } from '../directory/DirectoryStore.js';

export interface CallerIdentifier {
  createIndex(): CallerIndex;
  identify(index: CallerIndex, input: string, options?: IdentifyOptions): IdentifyOutcome;
  /** Every number in free text (default: the shared `identifyNumbersInText`). */
  identifyText?(index: CallerIndex, text: string, options?: IdentifyOptions): NumberInText[];
}

export interface LookupCandidate extends Candidate {
  site: Site;
  profile?: ClientProfile;
}

export interface LookupResult {
  candidates: LookupCandidate[];
  ambiguous: boolean;
}

/** One number found in `text=`: as written, its best E.164 reading, and its candidates. */
export interface TextNumber extends LookupResult {
  input: string;
  e164: string;
  extension?: string;
}

const hint = (country: string | undefined): IdentifyOptions => (country ? { country } : {});

/** Changes applied per page: small enough that one page blocks the event loop for only tens of ms. */
const PAGE = 500;

export interface LookupOptions {
  recheckMs: number;
  inlineLimit: number;
  now: () => number;
}
/** Sites before profiles within a batch, so a profile's site (and country) is known when it is indexed. */
const ORDER: Record<string, number> = { site: 0, profile: 1 };

export class LookupService {
  private readonly index: CallerIndex;
  private appliedSeq = 0;
  private catchingUp: Promise<void> | null = null;
  /** Set by this process's own writes; cleared when a catch-up starts (it reads past them). */
  private stale = true;
  /** True once a first catch-up has completed. */
  private ready = false;
  private checkedAt = -Infinity;

  constructor(
    private readonly store: DirectoryStore,
    private readonly identifier: CallerIdentifier,
    private readonly options: LookupOptions = { recheckMs: 1000, inlineLimit: 5000, now: Date.now },
  ) {
    this.index = identifier.createIndex();
    store.onChange(() => (this.stale = true));
  }

  get stats(): CallerIndex['stats'] & { seq: number } {
    return { ...this.index.stats, seq: this.appliedSeq };
  }

  /** Brings the index up to the newest change. Concurrent callers share one catch-up. */
  async catchUp(): Promise<void> {
    this.catchingUp ??= this.run().finally(() => (this.catchingUp = null));
    return this.catchingUp;
  }

  /**
   * Identifies one phone number or email address. `country` (ISO alpha-2, validated by the route) is
   * the hint national numbers are read in first; without it they are read in every directory country.
   */
  async lookup(query: {
    phone?: string | undefined;
    email?: string | undefined;
    country?: string | undefined;
  }): Promise<LookupResult> {
    const field = query.phone !== undefined ? 'phone' : 'email';
    const input = query.phone ?? query.email ?? '';
    await this.freshen();
    const outcome = this.identifier.identify(this.index, input, hint(query.country));
    if (!outcome.ok) throw new AppError('bad_request', `${field}: ${outcome.error.message}`, field);
    return this.withRecords(outcome.result.candidates, outcome.result.ambiguous);
  }

  /** Every number in free text (a signature, a screen pop), each with its candidates; [] when none. */
  async lookupText(text: string, country?: string): Promise<{ numbers: TextNumber[] }> {
    await this.freshen();
    const identifyText = this.identifier.identifyText ?? identifyNumbersInText;
    const numbers: TextNumber[] = [];
    for (const n of identifyText(this.index, text, hint(country))) {
      numbers.push({
        input: n.input,
        e164: n.e164,
        ...(n.extension ? { extension: n.extension } : {}),
        ...(await this.withRecords(n.candidates, n.ambiguous)),
      });
    }
    return { numbers };
  }

  private async withRecords(candidates: Candidate[], ambiguous: boolean): Promise<LookupResult> {
    const sites = await this.store.getMany(
      'site',
      candidates.map((c) => c.siteId),
    );
    const profiles = await this.store.getMany(
      'profile',
      candidates.flatMap((c) => (c.profileId ? [c.profileId] : [])),
    );
    const out: LookupCandidate[] = [];
    for (const c of candidates) {
      const site = sites.get(c.siteId);
      const profile = c.profileId ? profiles.get(c.profileId) : undefined;
      if (!site || (c.profileId && !profile)) continue; // deleted since the index was read
      out.push({ ...c, site, ...(profile ? { profile } : {}) });
    }
    return { candidates: out, ambiguous };
  }

  private async freshen(): Promise<void> {
    // The first build and this process's own writes: wait until the index has them.
    while (this.stale || !this.ready) await this.catchUp();
    if (this.catchingUp || this.options.now() - this.checkedAt < this.options.recheckMs) return;
    this.checkedAt = this.options.now();
    const backlog = (await this.store.latestSeq()) - this.appliedSeq;
    if (backlog <= 0) return;
    if (backlog <= this.options.inlineLimit) return this.catchUp();
    this.catchUp().catch(() => (this.checkedAt = -Infinity)); // retried on the next lookup
  }

  private async run(): Promise<void> {
    this.stale = false;
    this.checkedAt = this.options.now();
    for (;;) {
      const rows = await this.store.changesSince(this.appliedSeq, PAGE);
      if (rows.length > 0) {
        this.apply(rows);
        this.appliedSeq = rows[rows.length - 1]!.seq;
      }
      if (rows.length < PAGE) break;
      // better-sqlite3 is synchronous, so awaiting queries never lets requests in: yield between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.ready = true;
  }

  private apply(rows: ChangeRow[]): void {
    const relevant = rows.filter((r) => r.kind in ORDER).sort((a, b) => ORDER[a.kind]! - ORDER[b.kind]!);
    for (const r of relevant) {
      if (r.op === 'delete' || r.data === null) {
        if (r.kind === 'site') this.index.removeSite(r.record_id);
        else this.index.removeProfile(r.record_id);
      } else if (r.kind === 'site') {
        this.index.upsertSite(JSON.parse(r.data) as Site);
      } else {
        this.index.upsertProfile(JSON.parse(r.data) as ClientProfile);
      }
    }
  }
}
