/**
 * The first thing a window runs (main.tsx, before it loads the rest of the boot): it starts reading
 * what a warm start restores — the cache's `syncSeq`, the caller index snapshot and the sites — with
 * the raw IndexedDB API, so the reads run in the IndexedDB backend while the app's modules (Dexie,
 * zod, libphonenumber: ~150 ms to evaluate) are still being evaluated, not after them (bench:lookup
 * warm trace: the snapshot's read took ~350 ms and began only once the entry chunk had run).
 *
 * It never creates, upgrades or holds the database: a database that does not exist yet is left
 * uncreated (the open's upgrade is aborted), one of another layout (stores missing) gives nothing,
 * and the connection is closed as soon as the reads are issued, so Dexie's own open and upgrades are
 * never blocked. Any failure resolves to undefined and the directory reads the cache through Dexie as
 * before (DirectoryIndexStore `readForRestore`). Read-only; nothing is written or kept but the result.
 */
import type { ChunkRow } from '../db/recordChunks.js';
import type { IndexSnapshotRow } from '../db/callerIndexSnapshot.js';
import type { Site } from '../../shared/domain/index.js';

/** What a warm start restores from, read in one read-only transaction (so the three agree). */
export interface CachePrefetch {
  syncSeq: number;
  snapshot: IndexSnapshotRow | undefined;
  siteChunks: Array<ChunkRow<Site>>;
}

export function prefetchCache(idb: IDBFactory, name: string): Promise<CachePrefetch | undefined> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest;
    try {
      open = idb.open(name);
    } catch {
      return resolve(undefined);
    }
    // No database yet (a first start): do not create it at version 1 under Dexie's feet.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = (ev) => {
      ev.preventDefault(); // the aborted creation above, or a broken database: Dexie reports its own
      resolve(undefined);
    };
    open.onblocked = () => resolve(undefined);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      try {
        const tx = db.transaction(['meta', 'indexSnapshots', 'siteChunks'], 'readonly');
        const meta = tx.objectStore('meta').get('syncSeq');
        const snapshot = tx.objectStore('indexSnapshots').get('caller');
        const sites = tx.objectStore('siteChunks').getAll();
        tx.oncomplete = () =>
          resolve({
            syncSeq: (meta.result as { value?: number } | undefined)?.value ?? 0,
            snapshot: snapshot.result as IndexSnapshotRow | undefined,
            siteChunks: sites.result as Array<ChunkRow<Site>>,
          });
        tx.onerror = tx.onabort = () => resolve(undefined);
      } catch {
        resolve(undefined); // a store of another layout is missing
      } finally {
        db.close(); // takes effect once the reads are done; never blocks Dexie's open
      }
    };
  });
}
