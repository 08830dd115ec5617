/**
 * The in-memory directory the lookup reads: the caller index plus the site and profile records by id,
 * built from the cache at start and kept in step with every applied sync page. Lookups are Map
 * reads, so a result shows on the next frame even with 100k profiles. Memory only; nothing here is
 * persisted (the cache in `db/` is the source).
 */
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import type { CallerIndex, IdentifyOutcome } from '../../../shared/identify/types.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import type { AppliedChanges } from '../../db/applySyncPage.js';

export interface IndexEngine {
  createIndex(): CallerIndex;
  identify(index: CallerIndex, input: string): IdentifyOutcome;
}

export class DirectoryIndexStore {
  private index: CallerIndex;
  private readonly sites = new Map<string, Site>();
  private readonly profiles = new Map<string, ClientProfile>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private loaded = false;

  constructor(private readonly engine: IndexEngine) {
    this.index = engine.createIndex();
  }

  /** Builds the index from the cache (sites first, then profiles). */
  async load(db: CallsignDb): Promise<void> {
    const sites = await db.sites.toArray();
    const profiles = await db.profiles.toArray();
    this.index = this.engine.createIndex();
    this.sites.clear();
    this.profiles.clear();
    for (const s of sites) this.putSite(s);
    for (const p of profiles) this.putProfile(p);
    this.loaded = true;
    this.changed();
  }

  /** Applies the net effect of a sync page (already written to the cache). */
  apply(changes: Pick<AppliedChanges, 'sites' | 'profiles'>): void {
    for (const s of changes.sites.put) this.putSite(s);
    for (const p of changes.profiles.put) this.putProfile(p);
    for (const id of changes.profiles.deleted) {
      this.profiles.delete(id);
      this.index.removeProfile(id);
    }
    for (const id of changes.sites.deleted) {
      this.sites.delete(id);
      this.index.removeSite(id);
    }
    if (changes.sites.put.length + changes.profiles.put.length + changes.sites.deleted.length + changes.profiles.deleted.length) this.changed();
  }

  identify(input: string): IdentifyOutcome {
    return this.engine.identify(this.index, input);
  }

  site(id: string): Site | undefined {
    return this.sites.get(id);
  }

  profile(id: string): ClientProfile | undefined {
    return this.profiles.get(id);
  }

  get isLoaded(): boolean {
    return this.loaded;
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
  }

  private putProfile(p: ClientProfile) {
    this.profiles.set(p.id, p);
    this.index.upsertProfile(p);
  }

  private changed() {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }
}
