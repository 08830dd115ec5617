/**
 * The in-memory directory the lookup reads: the caller index plus the site and profile records by id,
 * built from the cache at start and kept in step with every applied sync page. Lookups are Map
 * reads, so a result shows on the next frame even with 100k profiles. It also holds the type-ahead
 * index (sites, people, references; `shared/search`), fed by the same load and sync pages. Memory
 * only; nothing here is persisted (the cache in `db/` is the source).
 */
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import {
  createDirectorySearch,
  type DirectorySearch,
  type SearchHit,
  type SearchOptions,
} from '../../../shared/search/index.js';
import type { CallerIndex, IdentifyOutcome } from '../../../shared/identify/types.js';
import { identifyNumbersInText, type IdentifyOptions, type NumberInText } from '../../../shared/identify/index.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { readCheckedDirectory, type CacheDamage } from '../../db/cacheCheck.js';
import type { AppliedChanges } from '../../db/applySyncPage.js';
import { phoneMatchKey } from '../../../shared/phone/phoneMatchKey.js';

export interface IndexEngine {
  createIndex(): CallerIndex;
  identify(index: CallerIndex, input: string, options?: IdentifyOptions): IdentifyOutcome;
  /** Every number in free text (default: the shared `identifyNumbersInText`). */
  identifyText?(index: CallerIndex, text: string, options?: IdentifyOptions): NumberInText[];
  /** The type-ahead index (default: `createDirectorySearch`). */
  createSearch?(): DirectorySearch;
}

export class DirectoryIndexStore {
  private index: CallerIndex;
  private typeahead: DirectorySearch;
  private readonly sites = new Map<string, Site>();
  private readonly profiles = new Map<string, ClientProfile>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private loaded = false;
  private failed = false;
  private repairs: CacheDamage[] = [];
  private markLoaded!: () => void;
  private markFailed!: (err: unknown) => void;
  /** Settles once the cache has been read into memory (sync waits for it: see `locateProfile`). */
  readonly whenLoaded = new Promise<void>((resolve, reject) => {
    this.markLoaded = resolve;
    this.markFailed = reject;
  });

  constructor(private readonly engine: IndexEngine) {
    this.index = engine.createIndex();
    this.typeahead = this.newSearch();
  }

  /** Builds the index from the cache (sites first, then profiles). */
  async load(db: CallsignDb): Promise<void> {
    const { sites, profiles, references, damage } = await readCheckedDirectory(db).catch((err: unknown) => {
      this.failed = true;
      this.markFailed(err);
      this.changed(); // the shell shows what no longer works (DirectoryLoadNotice)
      throw err;
    });
    this.index = this.engine.createIndex();
    this.typeahead = this.newSearch();
    this.sites.clear();
    this.profiles.clear();
    for (const s of sites) this.putSite(s);
    for (const p of profiles) this.putProfile(p);
    for (const r of references) this.typeahead.upsertReference(r);
    this.repairs = damage;
    if (damage.length)
      console.warn(
        `Callsign: ${damage.length} damaged record(s) dropped from the offline directory; the next sync downloads the directory again`,
        damage,
      );
    this.loaded = true;
    this.markLoaded();
    this.changed();
  }

  /** Applies the net effect of a sync page (already written to the cache). */
  apply(
    changes: Pick<AppliedChanges, 'sites' | 'profiles'> & Partial<Pick<AppliedChanges, 'references' | 'policies'>>,
  ): void {
    for (const s of changes.sites.put) this.putSite(s);
    for (const p of changes.profiles.put) this.putProfile(p);
    for (const id of changes.profiles.deleted) {
      this.profiles.delete(id);
      this.index.removeProfile(id);
      this.typeahead.removeProfile(id);
    }
    for (const id of changes.sites.deleted) {
      this.sites.delete(id);
      this.index.removeSite(id);
      this.typeahead.removeSite(id);
    }
    for (const r of changes.references?.put ?? []) this.typeahead.upsertReference(r);
    for (const id of changes.references?.deleted ?? []) this.typeahead.removeReference(id);
    const n = (x: { put: unknown[]; deleted: unknown[] } | undefined) => (x ? x.put.length + x.deleted.length : 0);
    // References and policies bump the version too: site views re-read them from the cache.
    if (n(changes.sites) + n(changes.profiles) + n(changes.references) + n(changes.policies)) this.changed();
  }

  /** Which site a cached profile is stored under (the cache groups profiles by site). */
  locateProfile = (id: string): string | undefined => this.profiles.get(id)?.siteId;

  /** `options.country`: the hint (desk country or the screen pop's), read first and ranked first. */
  identify(input: string, options?: IdentifyOptions): IdentifyOutcome {
    return this.engine.identify(this.index, input, options);
  }

  /** Every number in pasted or popped text, each with its candidates. */
  identifyText(text: string, options?: IdentifyOptions): NumberInText[] {
    return (this.engine.identifyText ?? identifyNumbersInText)(this.index, text, options);
  }

  /** The workspace's most common site country: the desk country until the technician sets one. */
  get defaultCountry(): string | undefined {
    return this.index.defaultCountry;
  }

  site(id: string): Site | undefined {
    return this.sites.get(id);
  }

  profile(id: string): ClientProfile | undefined {
    return this.profiles.get(id);
  }

  /** Every cached site (insertion order). */
  allSites(): Site[] {
    return [...this.sites.values()];
  }

  /** Type-ahead over site, company and people's names, emails, phone digits and reference subjects/tags. */
  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.typeahead.search(query, options);
  }

  /** A deterministic spread of real phones, emails, domains and names (benchmarks, diagnostics). */
  sample(n: number): { phones: string[]; emails: string[]; domains: string[]; names: string[] } {
    const profiles = [...this.profiles.values()];
    const sites = [...this.sites.values()];
    const step = Math.max(1, Math.floor(profiles.length / Math.max(1, n)));
    const phones: string[] = [];
    const emails: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < profiles.length && phones.length < n; i += step) {
      const p = profiles[i]!;
      const phone = p.phones[0];
      const key = phone && phoneMatchKey(phone.number, phone.country ?? this.sites.get(p.siteId)?.country);
      if (key) phones.push(key);
      if (p.email) emails.push(p.email);
      names.push(`${p.firstName} ${p.lastName}`);
    }
    const domains = sites
      .filter((s) => s.emailDomain)
      .map((s) => `someone@${s.emailDomain}`)
      .slice(0, n);
    return { phones, emails, domains, names };
  }

  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Records found damaged in the cache at load, dropped and fetched again by the next sync (cacheCheck.ts). */
  get cacheRepairs(): readonly CacheDamage[] {
    return this.repairs;
  }

  /** The cache could not be read: lookups have nothing to search and sync cannot apply pages. */
  get loadFailed(): boolean {
    return this.failed;
  }

  get stats(): CallerIndex['stats'] {
    return this.index.stats;
  }

  /** For `useSyncExternalStore`: bumps on every change so lookups re-run against fresh data. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private putSite(s: Site) {
    this.sites.set(s.id, s);
    this.index.upsertSite(s);
    this.typeahead.upsertSite(s);
  }

  private putProfile(p: ClientProfile) {
    this.profiles.set(p.id, p);
    this.index.upsertProfile(p);
    this.typeahead.upsertProfile(p);
  }

  private newSearch(): DirectorySearch {
    return this.engine.createSearch?.() ?? createDirectorySearch();
  }

  private changed() {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }
}
