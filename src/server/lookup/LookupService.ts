/**
 * Server-side caller identification: the same shared `CallerIndex` + `identifyCaller` the desktop
 * client uses, kept in step with the database by replaying the change feed (changes after the last
 * seq it applied). It catches up before a lookup when this process wrote through its
 * DirectoryStore (immediately), and otherwise at most every `recheckMs` — which picks up writes
 * from other processes (`callsign-server generate`, a future second instance) within that delay
 * without a database read on every lookup. Memory: the index holds normalised phones, emails and
 * domains only; full records are read from the database per result.
 */
import { AppError } from '../../shared/api/index.js';
import type { ClientProfile, Site } from '../../shared/domain/index.js';
import type { Candidate, CallerIndex, IdentifyOutcome } from '../../shared/identify/types.js';
import type { ChangeRow, DirectoryStore } from '../directory/DirectoryStore.js';

export interface CallerIdentifier {
  createIndex(): CallerIndex;
  identify(index: CallerIndex, input: string): IdentifyOutcome;
}

export interface LookupCandidate extends Candidate {
  site: Site;
  profile?: ClientProfile;
}

export interface LookupResult {
  candidates: LookupCandidate[];
  ambiguous: boolean;
}

const PAGE = 20_000;
/** Sites before profiles within a batch, so a profile's site (and country) is known when it is indexed. */
const ORDER: Record<string, number> = { site: 0, profile: 1 };

export class LookupService {
  private readonly index: CallerIndex;
  private appliedSeq = 0;
  private catchingUp: Promise<void> | null = null;
  private stale = true;
  private checkedAt = -Infinity;

  constructor(
    private readonly store: DirectoryStore,
    private readonly identifier: CallerIdentifier,
    private readonly options: { recheckMs: number; now: () => number } = { recheckMs: 1000, now: Date.now },
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

  async lookup(query: { phone?: string | undefined; email?: string | undefined }): Promise<LookupResult> {
    const field = query.phone !== undefined ? 'phone' : 'email';
    const input = query.phone ?? query.email ?? '';
    if (this.stale || this.options.now() - this.checkedAt >= this.options.recheckMs) await this.catchUp();
    const outcome = this.identifier.identify(this.index, input);
    if (!outcome.ok) throw new AppError('bad_request', `${field}: ${outcome.error.message}`, field);
    const { candidates, ambiguous } = outcome.result;
    const sites = await this.store.getMany('site', candidates.map((c) => c.siteId));
    const profiles = await this.store.getMany('profile', candidates.flatMap((c) => (c.profileId ? [c.profileId] : [])));
    const out: LookupCandidate[] = [];
    for (const c of candidates) {
      const site = sites.get(c.siteId);
      const profile = c.profileId ? profiles.get(c.profileId) : undefined;
      if (!site || (c.profileId && !profile)) continue; // deleted since the index was read
      out.push({ ...c, site, ...(profile ? { profile } : {}) });
    }
    return { candidates: out, ambiguous };
  }

  private async run(): Promise<void> {
    this.stale = false;
    this.checkedAt = this.options.now();
    if ((await this.store.latestSeq()) <= this.appliedSeq) return;
    for (;;) {
      const rows = await this.store.changesSince(this.appliedSeq, PAGE);
      if (rows.length === 0) return;
      this.apply(rows);
      this.appliedSeq = rows[rows.length - 1]!.seq;
      if (rows.length < PAGE) return;
    }
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
