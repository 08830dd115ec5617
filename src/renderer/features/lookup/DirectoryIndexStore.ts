/**
 * The in-memory directory the lookup reads: the caller index plus the site and profile records by id,
 * built from the cache at start and kept in step with every applied sync page. Lookups are Map
 * reads, so a result shows on the next frame even with 100k profiles. It also holds the type-ahead
 * index (sites, people, references; `shared/search`), fed by the same load and sync pages. Memory
 * only, except the caller index's phone keys (db/callerIndexSnapshot.ts), persisted after each load
 * and sync so the next start skips phone parsing.
 *
 * The load runs in stages, all in time slices so first paint and typing never wait (issue 12):
 *   0. restore (warm start): with a whole snapshot, the exact index comes from it and the site rows
 *      alone → `isLoaded` in well under a second at 100k; profile records are not in memory yet
 *      (a match shows its site; the person follows with stage 1);
 *   1. exact: rows read unchecked, caller index restored from the snapshot (or built) → `isLoaded`:
 *      numbers and emails answer; a lookup typed earlier is answered now (the version bumps). Each
 *      build fills a new index and swaps it in whole, so lookups never see one half-filled;
 *   2. check: every record checked against its schema (cacheCheck.ts); damaged ones are dropped and
 *      the exact index rebuilt without them (rare);
 *   3. names: the type-ahead index → `typeaheadReady`; then `whenLoaded` settles and sync may apply.
 * A reload after a first sync that ended well resolves once its snapshot answers and the records are
 * in memory, and builds the live index and the names behind it: the sync's progress bar goes as soon
 * as every record answers, and the names notice covers the rest.
 */
import type { ClientProfile, Reference, Site } from '../../../shared/domain/index.js';
import {
  createDirectorySearch,
  type DirectorySearch,
  type SearchHit,
  type SearchOptions,
} from '../../../shared/search/index.js';
import type {
  CallerIndex,
  CallerLookup,
  IdentifyOutcome,
  KeyMaps,
  PhoneKeys,
  SnapshotLines,
} from '../../../shared/identify/types.js';
import { FrozenCallerIndex, siteKeysOf } from '../../../shared/identify/frozenCallerIndex.js';
import type { RecordKeys } from '../../../shared/identify/recordKeys.js';
import { identifyNumbersInText, type IdentifyOptions, type NumberInText } from '../../../shared/identify/index.js';
import { readSyncMeta, type CallsignDb } from '../../db/CallsignDb.js';
import { checkDirectoryRows, readDirectoryRows, type CacheDamage } from '../../db/cacheCheck.js';
import type { AppliedChanges } from '../../db/applySyncPage.js';
import type { ProfilePlacement } from '../../db/pageWriter.js';
import { keyMapsOf, snapshotAt } from '../../db/callerIndexSnapshot.js';
import { allRecords, allRecordsAtOnce, CHUNKS_PER_READ } from '../../db/recordChunks.js';
import { ProfileRowReader } from '../../db/profileRowReader.js';
import type { CachePrefetch } from '../../boot/prefetchCache.js';
import { createTimeSlicer, forEachSliced, type TimeSlicer } from '../../scheduling/timeSlice.js';
import { mark, measure } from '../../diagnostics/userTiming.js';
import { buildExact, buildNames } from './directoryBuild.js';
import { sampleDirectory, type DirectorySample } from './directorySample.js';
import { CallerIndexSaver } from './callerIndexSaver.js';

/** Where the load is: `done` of `total` records through the current stage. */
export interface LoadProgress {
  stage: 'reading' | 'exact' | 'names' | 'done';
  done: number;
  total: number;
}

export interface IndexEngine {
  /** `precomputed`: phone keys from a snapshot of exactly the records about to be upserted. */
  createIndex(precomputed?: PhoneKeys | KeyMaps): CallerIndex;
  identify(index: CallerLookup, input: string, options?: IdentifyOptions): IdentifyOutcome;
  /** Every number in free text (default: the shared `identifyNumbersInText`). */
  identifyText?(index: CallerLookup, text: string, options?: IdentifyOptions): NumberInText[];
  /** The type-ahead index (default: `createDirectorySearch`). */
  createSearch?(): DirectorySearch;
}

export class DirectoryIndexStore {
  /** The live index: kept in step with sync pages, persisted. */
  private index: CallerIndex;
  /** What lookups read: the live index, or a snapshot's frozen one until the live one is built. */
  private lookup: CallerLookup;
  private typeahead: DirectorySearch;
  private sites = new Map<string, Site>();
  private profiles = new Map<string, ClientProfile>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private loaded = false;
  private namesReady = false;
  private progress: LoadProgress = { stage: 'reading', done: 0, total: 0 };
  private failed = false;
  private db: CallsignDb | undefined;
  private repairs: CacheDamage[] = [];
  private readonly saver = new CallerIndexSaver();
  /** What a reload builds behind it (`behind`: the live index and/or the names); sync pages wait for it. */
  private namesPending: Promise<void> = Promise.resolve();
  /** Sync pages whose apply has begun: a deferred save of the keys is skipped once this moves. */
  private pagesApplied = 0;
  /** A bulk run's profile rows, read back while it runs (profileRowReader.ts); used by its reload. */
  private bulkReads: ProfileRowReader | undefined;
  private markLoaded!: () => void;
  private markFailed!: (err: unknown) => void;
  private markRestored!: () => void;
  /**
   * Settles when the first start's stage 0 is over: exact lookups answer from a snapshot, or there
   * was none to restore (the boot starts the app's code after it: main.tsx). Never rejects.
   */
  readonly whenRestored = new Promise<void>((resolve) => (this.markRestored = resolve));
  /** Settles once the cache has been read into memory (sync waits for it: see `locateProfile`). */
  readonly whenLoaded = new Promise<void>((resolve, reject) => {
    this.markLoaded = resolve;
    this.markFailed = reject;
  });

  /** `newSlicer`: how long each slice of loading and applying runs before yielding (tests hold it). */
  constructor(
    private readonly engine: IndexEngine,
    private readonly newSlicer: (budgetMs?: number) => TimeSlicer = createTimeSlicer,
  ) {
    this.index = engine.createIndex();
    this.lookup = this.index;
    this.typeahead = this.newSearch();
  }

  /**
   * Builds the indexes from the cache in stages (see the header); settles `whenLoaded` at the end.
   * `prefetched`: the restore's reads, begun before the app's code was evaluated (boot/prefetchCache.ts).
   */
  async load(db: CallsignDb, prefetched?: Promise<CachePrefetch | undefined>): Promise<void> {
    this.db = db;
    mark('directory.load-start'); // diagnostics (bench): how long the app took to get here
    try {
      await this.stages(db, false, false, undefined, prefetched);
      this.markLoaded();
      this.changed();
    } catch (err) {
      this.failed = true;
      this.markRestored();
      this.markFailed(err);
      this.changed(); // the shell shows what no longer works (DirectoryLoadNotice)
      throw err;
    }
  }

  /**
   * A bulk run (syncDirectory: the first sync into an empty cache) begins: lookups will answer from
   * the worker's lines (`applyBulk`) and the names index is not ready until `reload` has built it.
   */
  beginBulk(): void {
    this.namesReady = false;
    this.bulkReads = this.db ? new ProfileRowReader(this.db) : undefined;
    this.changed();
  }

  /**
   * A page of a bulk run, written by the worker: its sites, and the whole directory so far as lines
   * (a frozen index, a few ms to set up, answers at once). No profile records: a match shows its site.
   */
  async applyBulk(changes: AppliedChanges): Promise<void> {
    this.pagesApplied++;
    if (changes.rows) this.bulkReads?.add(changes.rows);
    // The live index holds the sites alone during a bulk run: the frozen one answers for them through it.
    // In time slices: a page of 5,000 sites was a ~40 ms insert in one task (bench:lookup trace),
    // inside a 100 ms one with the page's message and its render.
    let i = 0;
    await forEachSliced(
      changes.sites.put,
      (s) => {
        this.sites.set(s.id, s);
        this.index.upsertSite(s, changes.keys?.sites[i++]);
      },
      this.newSlicer(),
    );
    for (const id of changes.sites.deleted) {
      this.sites.delete(id);
      this.index.removeSite(id);
    }
    if (changes.lines) this.lookup = new FrozenCallerIndex(changes.lines, this.index);
    this.changed();
  }

  /**
   * Builds everything again from the cache, as a start does (after a bulk run, which wrote the cache
   * and its snapshot without this store holding the records); lookups read the previous state until
   * each stage swaps its part in. `written`: the run ended well, so every cached record was validated
   * by it (the cache check is skipped); after a failed run the cache is checked as at a start.
   * `lines`: the snapshot the run stored (then not read back and restored again).
   */
  async reload({ written = false, lines }: { written?: boolean; lines?: SnapshotLines } = {}): Promise<void> {
    if (!this.db) throw new Error('DirectoryIndexStore.reload before load');
    const reads = this.bulkReads;
    this.bulkReads = undefined;
    try {
      await this.stages(this.db, written, true, written ? { reads, lines } : undefined);
    } catch (err) {
      this.failed = true;
      this.changed();
      throw err;
    } finally {
      this.changed();
    }
  }

  /**
   * `justWritten`: every record was validated by the sync that wrote it moments ago (no stage 2).
   * `namesLater`: resolve once exact lookups answer with every record (a reload after the first sync:
   * its progress bar goes and the names notice says the type-ahead follows, as after a restart); the
   * names stage goes on behind it, and sync pages wait for it (`apply`).
   */
  private async stages(
    db: CallsignDb,
    justWritten = false,
    namesLater = false,
    /**
     * What the bulk sync that just ended has in hand: the profile rows it read back as it went and the
     * snapshot lines it stored (neither is read again here).
     */
    fromSync?: { reads?: ProfileRowReader; lines?: SnapshotLines },
    prefetched?: Promise<CachePrefetch | undefined>,
  ): Promise<void> {
    // What a restore needs is read beside the seq, not after it: one IndexedDB round trip less before
    // a warm start's first exact lookup; at a start, main.tsx has usually had it read already.
    const early = await prefetched;
    const [{ syncSeq }, stored] = early
      ? [{ syncSeq: early.syncSeq }, { row: early.snapshot, siteRecords: early.siteChunks.flatMap((c) => c.records) }]
      : await Promise.all([readSyncMeta(db), fromSync?.lines ? undefined : this.readForRestore(db, namesLater)]);
    const snapshot = fromSync?.lines ? this.takeSyncLines(fromSync.lines) : this.restore(stored!, syncSeq);
    this.markRestored();
    const profileRows = await fromSync?.reads?.all().catch(() => undefined); // logged by the reader
    const rows = await readDirectoryRows(db, profileRows);
    const t0 = performance.now();
    const sites = rows.siteRows.flatMap((r) => r.records);
    const profiles = rows.profileRows.flatMap((r) => r.profiles);
    if (namesLater && justWritten && snapshot) {
      // After a first sync that ended well: the snapshot it stored answers (restored above) and the
      // records by id are all a match needs to show, so the sync is over here; the live index (for
      // the next sync's pages, ~2 s at 100k) and the names are built behind it.
      await this.putRecords(sites, profiles);
      this.setLoaded();
      measure('directory.exact', t0, performance.now());
      const references = rows.referenceRows.flatMap((r) => r.records);
      this.behind(async () => {
        // The records by id are the maps putRecords just made of these very records: kept, not made again.
        const byId = { sites: this.sites, profiles: this.profiles };
        await this.fillExact(sites, profiles, await keyMapsOf(snapshot, this.newSlicer()), byId);
        await this.namesStage(references);
      });
      return;
    }
    await this.fillExact(sites, profiles, snapshot && (await keyMapsOf(snapshot, this.newSlicer())));
    this.setLoaded();
    measure('directory.exact', t0, performance.now());

    const checked = justWritten
      ? { sites, profiles, references: rows.referenceRows.flatMap((r) => r.records), damage: [] }
      : await checkDirectoryRows(db, rows, this.newSlicer());
    this.repairs = checked.damage;
    if (checked.damage.length) {
      console.warn(
        `Callsign: ${checked.damage.length} damaged record(s) dropped from the offline directory; the next sync downloads the directory again`,
        checked.damage,
      );
      await this.fillExact(checked.sites, checked.profiles, undefined);
    } else if (!snapshot) void this.persistKeys(syncSeq); // a warm next start (not awaited)

    if (!namesLater) return this.namesStage(checked.references);
    this.behind(() => this.namesStage(checked.references));
  }

  /**
   * The stored snapshot row and the sites, for a restore. The site rows are read beside the snapshot: a
   * warm start needs both (a cold one reads them again, ~1%). In one request (getAll): nothing waits
   * for the main thread before the restore, and each request is a round trip to the IndexedDB backend
   * and a task on the warm-start path. After a first sync (the window is showing its progress, lookups are answering)
   * they are read in smaller requests: all 64 chunks at 100k in one was a ~60 ms task receiving them.
   */
  private async readForRestore(db: CallsignDb, namesLater: boolean) {
    const [row, siteRecords] = await Promise.all([
      db.indexSnapshots.get('caller'),
      namesLater ? allRecords(db.siteChunks, CHUNKS_PER_READ) : allRecordsAtOnce(db.siteChunks),
    ]);
    return { row, siteRecords };
  }

  /** Stage 0 from the stored snapshot, when it matches the cache at `syncSeq` (see `restoreExact`). */
  private restore(
    { row, siteRecords }: Awaited<ReturnType<DirectoryIndexStore['readForRestore']>>,
    syncSeq: number,
  ): SnapshotLines | undefined {
    const snapshot = snapshotAt(row, syncSeq);
    if (snapshot) {
      const t = performance.now();
      this.restoreExact(siteRecords, snapshot);
      measure('directory.restore', t, performance.now());
    }
    return snapshot;
  }

  /**
   * Stage 0 after a bulk sync: its final lines over the sites its pages put in the live index (the
   * snapshot it stored holds the same lines: reading it back and restoring it was a ~100 ms task).
   */
  private takeSyncLines(lines: SnapshotLines): SnapshotLines {
    const t = performance.now();
    this.lookup = new FrozenCallerIndex(lines, this.index);
    this.setLoaded();
    measure('directory.restore', t, performance.now());
    return lines;
  }

  /** Runs the rest of a reload behind it (`namesPending`: sync pages wait for it); a failure is shown. */
  private behind(rest: () => Promise<void>) {
    this.namesPending = rest().catch((err: unknown) => {
      console.error('Callsign: the directory could not be built after the sync; search by name is unavailable', err);
      this.failed = true;
      this.changed(); // the shell shows what no longer works (DirectoryLoadNotice)
    });
  }

  /** The records by id, in time slices (lookups keep answering from the frozen index meanwhile). */
  private async putRecords(sites: readonly Site[], profiles: readonly ClientProfile[]) {
    const next = { sites: new Map<string, Site>(), profiles: new Map<string, ClientProfile>() };
    const slicer = this.newSlicer();
    await forEachSliced(sites, (s) => next.sites.set(s.id, s), slicer);
    await forEachSliced(profiles, (p) => next.profiles.set(p.id, p), slicer);
    ({ sites: this.sites, profiles: this.profiles } = next);
  }

  /** Stage 3 (see the header): the type-ahead over the records as they are now. */
  private async namesStage(references: readonly Reference[]): Promise<void> {
    const t1 = performance.now();
    await this.fillNames(references);
    measure('directory.names', t1, performance.now());
    this.namesReady = true;
    mark('directory.names-ready');
    this.progress = { stage: 'done', done: this.profiles.size, total: this.profiles.size };
    this.changed();
  }

  /**
   * Stage 0: lookups answer from the snapshot's lines (a frozen index: no Map per record, a few ms at
   * 100k) and the site records, without profile records: a match shows its site, the person follows
   * with stage 1, which builds the live index and takes over.
   */
  private restoreExact(sites: Site[], lines: SnapshotLines) {
    const siteIndex = this.engine.createIndex({ sites: siteKeysOf(lines), profiles: new Map() });
    for (const s of sites) siteIndex.upsertSite(s);
    this.lookup = new FrozenCallerIndex(lines, siteIndex);
    this.sites = new Map(sites.map((s) => [s.id, s]));
    this.setLoaded();
  }

  /** Exact lookups answer from now on; a lookup typed while loading is answered now (the version bumps). */
  private setLoaded() {
    if (!this.loaded) mark('directory.exact-ready'); // when it first happened, for diagnostics (bench)
    this.loaded = true;
    this.changed();
  }

  /** Stage 1 (directoryBuild.ts), swapped in whole: lookups read the previous index until then. */
  private async fillExact(
    sites: Site[],
    profiles: ClientProfile[],
    keys: KeyMaps | undefined,
    byId?: { sites: Map<string, Site>; profiles: Map<string, ClientProfile> },
  ) {
    const next = await buildExact(this.engine, { sites, profiles }, keys, byId, this.newSlicer(), (p) =>
      this.setProgress(p),
    );
    ({ index: this.index, sites: this.sites, profiles: this.profiles } = next);
    this.lookup = this.index;
  }

  /** Stage 3 (directoryBuild.ts): the type-ahead over the records as they are now (sync waits for it). */
  private async fillNames(references: readonly Reference[]) {
    this.typeahead = this.newSearch();
    const records = { sites: this.sites, profiles: this.profiles, references };
    await buildNames(this.typeahead, records, this.newSlicer(), (p) => this.setProgress(p));
  }

  /**
   * Persists the caller index's phone keys for the next start. Call when the index holds exactly
   * the cache (after a load or a whole sync run). A failure only costs the next start its speed.
   *
   * Deferred to an idle moment (after any earlier save: one at a time), off the path of a change
   * becoming visible. Skipped if a sync page was applied meanwhile (the index no longer holds the
   * cache at `atSeq`; the run that applied it saves again), and not written if the cache has moved
   * past `atSeq` by the time of the write (writeIndexSnapshot checks that in its transaction).
   */
  persistKeys(atSeq?: number): Promise<void> {
    const db = this.db;
    if (!db) return this.saver.whenSaved();
    const applied = this.pagesApplied;
    return this.saver.save(db, () => (this.pagesApplied === applied ? this.index : undefined), atSeq);
  }

  /** Settles when a names stage running behind a reload is over (at once when none is). */
  whenNamesReady(): Promise<void> {
    return this.namesPending;
  }

  /** Settles when the last requested save of the caller index has been written (or skipped). */
  whenPersisted(): Promise<void> {
    return this.saver.whenSaved();
  }

  /**
   * Applies the net effect of a sync page (already written to the cache), in time slices: a page of
   * 5,000 profiles is ~200 ms of indexing, which would otherwise freeze typing mid-sync. Lookups
   * between slices see the page partly applied, as they would see the next page not yet applied.
   */
  async apply(
    changes: Pick<AppliedChanges, 'sites' | 'profiles'> &
      Partial<Pick<AppliedChanges, 'references' | 'policies' | 'keys'>>,
  ): Promise<void> {
    // The type-ahead being built behind a reload reads the records as they are: a page waits for it.
    await this.namesPending;
    this.pagesApplied++;
    const slicer = this.newSlicer();
    // Phone keys from the sync worker, when it sent them: inserting is then all that is left to do here.
    const keys = changes.keys;
    await forEachSliced(changes.sites.put.entries(), ([i, s]) => this.putSite(s, keys?.sites[i]), slicer);
    await forEachSliced(changes.profiles.put.entries(), ([i, p]) => this.putProfile(p, keys?.profiles[i]), slicer);
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
    await forEachSliced(changes.references?.put ?? [], (r) => this.typeahead.upsertReference(r), slicer);
    for (const id of changes.references?.deleted ?? []) this.typeahead.removeReference(id);
    const n = (x: { put: unknown[]; deleted: unknown[] } | undefined) => (x ? x.put.length + x.deleted.length : 0);
    // References and policies bump the version too: site views re-read them from the cache.
    if (n(changes.sites) + n(changes.profiles) + n(changes.references) + n(changes.policies)) this.changed();
  }

  /** Where every profile is stored (ids[i] under siteIds[i]): seeds the sync worker's page writer. */
  placement(): ProfilePlacement {
    const ids: string[] = [];
    const siteIds: string[] = [];
    for (const [id, p] of this.profiles) {
      ids.push(id);
      siteIds.push(p.siteId);
    }
    return { ids, siteIds };
  }

  /** Which site a cached profile is stored under (the cache groups profiles by site). */
  locateProfile = (id: string): string | undefined => this.profiles.get(id)?.siteId;

  /** `options.country`: the hint (desk country or the screen pop's), read first and ranked first. */
  identify(input: string, options?: IdentifyOptions): IdentifyOutcome {
    return this.engine.identify(this.lookup, input, options);
  }

  /** Every number in pasted or popped text, each with its candidates. */
  identifyText(text: string, options?: IdentifyOptions): NumberInText[] {
    return (this.engine.identifyText ?? identifyNumbersInText)(this.lookup, text, options);
  }

  /** The workspace's most common site country: the desk country until the technician sets one. */
  get defaultCountry(): string | undefined {
    return this.lookup.defaultCountry;
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
  sample(n: number): DirectorySample {
    return sampleDirectory({ sites: this.sites, profiles: this.profiles, index: this.index }, n);
  }

  /** Exact lookups (numbers, emails, domains) answer. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** The type-ahead (names) index is built; before that, only exact lookups answer. */
  get typeaheadReady(): boolean {
    return this.namesReady;
  }

  get loadProgress(): LoadProgress {
    return this.progress;
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
    return this.lookup.stats;
  }

  /** For `useSyncExternalStore`: bumps on every change so lookups re-run against fresh data. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private putSite(s: Site, keys?: RecordKeys) {
    this.sites.set(s.id, s);
    this.index.upsertSite(s, keys);
    this.typeahead.upsertSite(s, keys);
  }

  private putProfile(p: ClientProfile, keys?: RecordKeys) {
    this.profiles.set(p.id, p);
    this.index.upsertProfile(p, keys);
    this.typeahead.upsertProfile(p, keys);
  }

  /** Progress is shown by lookups waiting for the index (every directoryBuild.ts PROGRESS_EVERY records). */
  private setProgress(p: LoadProgress) {
    this.progress = p;
    this.changed();
  }

  private newSearch(): DirectorySearch {
    return this.engine.createSearch?.() ?? createDirectorySearch();
  }

  private changed() {
    this.version += 1;
    this.listeners.forEach((l) => l());
  }
}
