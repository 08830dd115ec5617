/**
 * Benchmark hooks (`npm run bench:lookup`): only when the page is opened with `?bench` does the
 * renderer expose `window.__callsignBench`, so the benchmark can time the real in-memory lookups
 * and the IPC → server round trip from inside the page. Exposes no token or secret: the same
 * functions the UI calls.
 */
import type { Services } from './services.js';

export interface BenchHooks {
  ready(): boolean;
  stats(): unknown;
  /** Runs `identify` for each input and returns the elapsed ms of the whole batch. */
  identifyBatch(inputs: string[]): number;
  /** Type-ahead / full-text over the in-memory search index, if the app has one. */
  searchBatch?(queries: string[], kind?: string): number;
  remoteLookup(q: { phone?: string; email?: string }): Promise<number>;
  sample(n: number): { phones: string[]; emails: string[]; domains: string[]; names: string[] };
  heapMB(): number | undefined;
}

export function installBenchHooks(services: Services, extra: Partial<BenchHooks> = {}) {
  if (!new URLSearchParams(location.search).has('bench')) return;
  const { directory, api } = services;
  const hooks: BenchHooks = {
    ready: () => directory.isLoaded,
    stats: () => directory.stats,
    identifyBatch(inputs) {
      const t0 = performance.now();
      let found = 0;
      for (const input of inputs) {
        const r = directory.identify(input);
        if (r.ok && r.result.candidates.length) found++;
      }
      const ms = performance.now() - t0;
      if (found === 0 && inputs.length) throw new Error('bench: nothing matched — wrong sample?');
      return ms;
    },
    searchBatch(queries, kind) {
      // 'fulltext' = reference subjects/tags/bodies only; 'typeahead' = everything, as the box does.
      const options = kind === 'fulltext' ? { kinds: ['reference' as const], limit: 20 } : { limit: 20 };
      const t0 = performance.now();
      for (const q of queries) directory.search(q, options);
      return performance.now() - t0;
    },
    async remoteLookup(q) {
      const t0 = performance.now();
      await api.invoke('lookup.remote', q);
      return performance.now() - t0;
    },
    sample(n) {
      return directory.sample(n);
    },
    heapMB() {
      const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return mem ? mem.usedJSHeapSize / 1048576 : undefined;
    },
    ...extra,
  };
  (window as unknown as { __callsignBench: BenchHooks }).__callsignBench = hooks;
}
