/**
 * The second stage of the renderer boot (main.tsx imports it once the cache reads are under way):
 * opens the offline cache and builds the in-memory caller index from it at once; the app (React,
 * MUI, every screen, the catalogues: app/startApp.tsx) is imported as a chunk of its own, evaluated
 * once the snapshot is restored. So a warm start's first exact lookup waits neither for the app's code
 * nor for the bridge, the API or the settings (issue 12). Lookups answer "Loading the directory…"
 * until exact lookups are ready; sync waits for the whole load.
 */
import { createCallerIndex, identifyCaller } from '../shared/identify/index.js';
import { CallsignDb } from './db/CallsignDb.js';
import { DirectoryIndexStore } from './features/lookup/DirectoryIndexStore.js';
import { loadDirectoryReported } from './features/lookup/loadDirectoryReported.js';
import type { CachePrefetch } from './boot/prefetchCache.js';

/**
 * The app's code is evaluated once a warm start has restored the exact index (a few hundred ms), not
 * during it: its evaluation and first render take the main thread for ~0.5 s, which the snapshot's
 * IndexedDB reads and the restore would otherwise queue behind. Capped, so a slow disk never holds
 * the window blank for long; a start without a snapshot goes on at once.
 */
const APP_START_WAIT_MS = 1500;

/** `prefetched`: the warm start's reads, begun by main.tsx before this chunk was even loaded. */
export function bootDirectory(prefetched: Promise<CachePrefetch | undefined> | undefined): void {
  const db = new CallsignDb();
  const directory = new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });
  void loadDirectoryReported(directory, db, prefetched);
  Promise.race([directory.whenRestored, new Promise((r) => setTimeout(r, APP_START_WAIT_MS))])
    .then(() => import('./app/startApp.js'))
    .then(
      ({ startApp }) => startApp(db, directory),
      // Only a damaged install or a bridge gone mid-start: nothing can render, the page stays blank.
      (err: unknown) =>
        console.error('Callsign: the app could not be loaded; restart Callsign (reinstall if it repeats)', err),
    );
}
