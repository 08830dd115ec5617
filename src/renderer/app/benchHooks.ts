/**
 * Benchmark hooks (`npm run bench:lookup`): only when the page is opened with `?bench` does the
 * renderer expose `window.__callsignBench`, so the benchmark can time the real in-memory lookups
 * and the IPC → server round trip from inside the page. Exposes no token or secret: the same
 * functions the UI calls, plus timings (long tasks, when each index stage became ready).
 */
import type { Services } from './services.js';
import { CallsignDb } from '../db/CallsignDb.js';
import { parseSyncPageBytes } from '../db/pageWriter.js';
import { createSiteFilter } from '../features/site/filterSites.js';
import type { DirectorySample } from '../features/lookup/directorySample.js';

export interface IdentifyTimings {
  /** Per-query ms (or per-batch mean when `batch` > 1). */
  times: number[];
  found: number;
  ambiguous: number;
}

export interface BenchHooks {
  ready(): boolean;
  stats(): unknown;
  /** Runs `identify` for each input and returns the elapsed ms of the whole batch. */
  identifyBatch(inputs: string[]): number;
  /** Times every query on its own (`batch` 1) or in batches; counts hits and ambiguous answers. */
  identifyEach(inputs: string[], batch: number): IdentifyTimings;
  /** Type-ahead / full-text over the in-memory search index, if the app has one. */
  searchBatch?(queries: string[], kind?: string): number;
  searchEach(queries: string[], kind: string, batch: number): number[];
  /**
   * The Sites page filter over every cached site (filterSites.ts): the page opening (no filter), the
   * first keystroke (which folds every site's text) and each query after it, timed on its own.
   */
  siteFilterEach(queries: string[]): { openMs: number; firstKeyMs: number; times: number[] };
  remoteLookup(q: { phone?: string; email?: string }): Promise<number>;
  sample(n: number): DirectorySample;
  heapMB(): number | undefined;
  isolated(): boolean;
  /** ms since navigation start when exact lookups / the type-ahead became ready (this page load). */
  readyAt(): { exact?: number; names?: number };
  /** Long tasks seen since the last call (PerformanceObserver 'longtask'). */
  takeLongTasks(): { count: number; longestMs: number };
  /** Sync runs that have ended (well or not) since the page loaded: the bench waits for the first. */
  syncRunsEnded(): number;
  /** Looks `input` up every `everyMs` until stopped; each sample = wait for the main thread + lookup. */
  startProbe(input: string, everyMs: number): void;
  stopProbe(): number[];
  /** Bare Dexie bulkPut of the rows the sync wrote, into a scratch database (the write floor). */
  writeFloor(): Promise<number>;
  /**
   * The other floor of a first sync: every page pulled as the sync pulls it (`sync.pullBytes`, the
   * server's compressed page through main or the bridge) and parsed as the worker parses it
   * (`parseSyncPageBytes`), nothing validated or written.
   */
  pullFloor(limit: number): Promise<{ ms: number; pages: number; changes: number }>;
  /** Two profiles to change on the server (incremental sync). */
  profilesToChange(n: number): unknown[];
  /** Runs a sync now and resolves with ms until `input` identifies a caller. */
  syncUntilFound(input: string): Promise<number>;
  /** Settles once the caller index saved after the last sync is written (it is deferred to idle). */
  persisted(): Promise<void>;
}

export function installBenchHooks(
  services: Services,
  extra: Partial<BenchHooks> & { syncNow?: () => Promise<unknown> } = {},
) {
  if (!new URLSearchParams(location.search).has('bench')) return;
  const { directory, api, db } = services;
  // Marked by the directory itself: its load starts before these hooks are installed (main.tsx).
  const markedAt = (name: string) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
  let longTasks: number[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch (err) {
    console.warn('bench: long task observer unavailable', err);
  }
  let syncRunsEnded = 0;
  let syncRunning = false;
  services.syncProgress.subscribe(() => {
    const { running } = services.syncProgress.getSnapshot();
    if (syncRunning && !running) syncRunsEnded++;
    syncRunning = running;
  });
  let probe: { timer: ReturnType<typeof setTimeout> | undefined; samples: number[] } = {
    timer: undefined,
    samples: [],
  };
  const hits = (input: string) => {
    const r = directory.identify(input);
    return r.ok ? r.result : undefined;
  };
  const hooks: BenchHooks = {
    ready: () => directory.isLoaded && directory.typeaheadReady,
    stats: () => directory.stats,
    identifyBatch(inputs) {
      const t0 = performance.now();
      let found = 0;
      for (const input of inputs) if (hits(input)?.candidates.length) found++;
      const ms = performance.now() - t0;
      if (found === 0 && inputs.length) throw new Error('bench: nothing matched — wrong sample?');
      return ms;
    },
    identifyEach(inputs, batch) {
      const times: number[] = [];
      let found = 0;
      let ambiguous = 0;
      for (let i = 0; i < inputs.length; i += batch) {
        const t0 = performance.now();
        const results = inputs.slice(i, i + batch).map(hits);
        times.push((performance.now() - t0) / batch);
        for (const r of results) {
          if (!r?.candidates.length) continue;
          found++;
          if (r.ambiguous) ambiguous++;
        }
      }
      return { times, found, ambiguous };
    },
    searchBatch(queries, kind) {
      const options = kind === 'fulltext' ? { kinds: ['reference' as const], limit: 20 } : { limit: 20 };
      const t0 = performance.now();
      for (const q of queries) directory.search(q, options);
      return performance.now() - t0;
    },
    searchEach(queries, kind, batch) {
      // 'fulltext' = reference subjects/tags/bodies only; 'typeahead' = everything, as the box does.
      const options = kind === 'fulltext' ? { kinds: ['reference' as const], limit: 20 } : { limit: 20 };
      const times: number[] = [];
      for (let i = 0; i < queries.length; i += batch) {
        const t0 = performance.now();
        for (const q of queries.slice(i, i + batch)) directory.search(q, options);
        times.push((performance.now() - t0) / batch);
      }
      return times;
    },
    siteFilterEach(queries) {
      const t0 = performance.now();
      const filter = createSiteFilter(directory.allSites(), 'en');
      filter('');
      const t1 = performance.now();
      filter(queries[0] ?? 'a');
      const t2 = performance.now();
      const times = queries.map((q) => {
        const t = performance.now();
        filter(q);
        return performance.now() - t;
      });
      return { openMs: t1 - t0, firstKeyMs: t2 - t1, times };
    },
    async remoteLookup(q) {
      const t0 = performance.now();
      await api.invoke('lookup.remote', q);
      return performance.now() - t0;
    },
    sample: (n) => directory.sample(n),
    heapMB() {
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return mem ? mem.usedJSHeapSize / 1048576 : undefined;
    },
    isolated: () => globalThis.crossOriginIsolated === true,
    readyAt: () => ({ exact: markedAt('directory.exact-ready'), names: markedAt('directory.names-ready') }),
    syncRunsEnded: () => syncRunsEnded,
    takeLongTasks() {
      const out = { count: longTasks.length, longestMs: Math.round(Math.max(0, ...longTasks)) };
      longTasks = [];
      return out;
    },
    startProbe(input, everyMs) {
      probe = { timer: undefined, samples: [] };
      // A task posted now waits behind whatever holds the main thread: that wait is what a typist feels.
      // Posted as a message, not a zero-delay timer: timers nested five deep (this chain) are clamped
      // to 4 ms by the HTML spec, which put ~4 ms into every sample, however idle the thread.
      const channel = new MessageChannel();
      let due = 0;
      const current = probe;
      channel.port1.onmessage = () => {
        if (probe !== current) return channel.port1.close(); // stopped (or another probe started)
        hits(input);
        probe.samples.push(performance.now() - due);
        probe.timer = setTimeout(tick, everyMs);
      };
      const tick = () => {
        due = performance.now();
        channel.port2.postMessage(null);
      };
      tick();
    },
    stopProbe() {
      clearTimeout(probe.timer);
      const { samples } = probe;
      probe = { timer: undefined, samples: [] };
      return samples;
    },
    async writeFloor() {
      const [sites, profiles, references] = await Promise.all([
        db.siteChunks.toArray(),
        db.siteProfiles.toArray(),
        db.referenceChunks.toArray(),
      ]);
      const scratch = new CallsignDb('callsign-bench-write-floor');
      await scratch.open();
      const t0 = performance.now();
      // Page-sized transactions, as the sync writes them.
      for (let i = 0; i < profiles.length; i += 500) await scratch.siteProfiles.bulkPut(profiles.slice(i, i + 500));
      await scratch.siteChunks.bulkPut(sites);
      await scratch.referenceChunks.bulkPut(references);
      const ms = performance.now() - t0;
      await scratch.delete();
      return ms;
    },
    async pullFloor(limit) {
      const t0 = performance.now();
      type Pulled = { bytes: Uint8Array; seq: number; more: boolean; since: number };
      const pull = (since: number): Promise<Pulled> =>
        api.invoke('sync.pullBytes', { since, limit }).then((r) => ({ ...r, since }));
      let pages = 0;
      let changes = 0;
      // Each page's cursor is where the next one starts: the next is asked for as soon as this one is
      // here, and this one is parsed meanwhile (as the sync's read-ahead does).
      for (let next: Promise<Pulled> | undefined = pull(0); next; pages++) {
        const { bytes, seq, more, since }: Pulled = await next;
        next = more && seq > since ? pull(seq) : undefined;
        changes += (parseSyncPageBytes(bytes) as { changes: unknown[] }).changes.length;
      }
      return { ms: performance.now() - t0, pages, changes };
    },
    profilesToChange(n) {
      const out: unknown[] = [];
      for (const id of directory.sample(n * 2).emails.slice(0, n)) {
        const r = hits(id);
        const profileId = r?.candidates[0]?.profileId;
        const profile = profileId && directory.profile(profileId);
        if (profile) out.push(profile);
      }
      return out;
    },
    persisted: () => directory.whenPersisted(),
    async syncUntilFound(input) {
      if (!extra.syncNow) throw new Error('bench: no syncNow hook');
      if (hits(input)?.candidates.length) throw new Error('bench: the number identifies a caller before the sync');
      const t0 = performance.now();
      // Visible = a lookup answers it, which it does once the page is indexed: the run's bookkeeping
      // after that (lastSyncAt, the query settling) is not part of the wait. Checked every few ms
      // while the run goes on (a lookup is ~0.1 ms); the run is awaited before returning.
      let foundAt: number | undefined;
      const poll = setInterval(() => {
        if (foundAt === undefined && hits(input)?.candidates.length) foundAt = performance.now();
      }, 2);
      try {
        for (let tries = 0; tries < 20; tries++) {
          await extra.syncNow();
          if (foundAt === undefined && hits(input)?.candidates.length) foundAt = performance.now();
          if (foundAt !== undefined) return foundAt - t0;
        }
      } finally {
        clearInterval(poll);
      }
      throw new Error('bench: the changed record never showed up');
    },
  };
  Object.assign(hooks, extra);
  (window as unknown as { __callsignBench: BenchHooks }).__callsignBench = hooks;
}
