/**
 * Renderer entry, kept tiny: it starts the warm start's cache reads at once (boot/prefetchCache.ts:
 * the seq, the caller index snapshot and the sites, with the raw IndexedDB API), then imports the
 * rest of the boot (directoryBoot.ts: Dexie, zod, libphonenumber, the directory), whose evaluation
 * (~150 ms) used to come before those reads began (bench:lookup warm trace). The reads run in the
 * IndexedDB backend meanwhile.
 */
import { prefetchCache } from './boot/prefetchCache.js';
import { CACHE_DB_NAME } from './db/cacheName.js';

const prefetched = typeof indexedDB === 'undefined' ? undefined : prefetchCache(indexedDB, CACHE_DB_NAME);
import('./directoryBoot.js').then(
  ({ bootDirectory }) => bootDirectory(prefetched),
  // Only a damaged install: nothing can render, the page stays blank.
  (err: unknown) =>
    console.error('Callsign: the app could not be loaded; restart Callsign (reinstall if it repeats)', err),
);
