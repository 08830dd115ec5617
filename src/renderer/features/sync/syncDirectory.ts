/**
 * One directory sync: pulls pages from `sync.pull` starting at the cached `syncSeq` until the server
 * says there is no more, applying each page to the cache (one transaction per page) and to the
 * in-memory index, and reporting progress after each page. Stamps `meta.lastSyncAt` when done.
 */
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { readSyncMeta, type CallsignDb } from '../../db/CallsignDb.js';
import { applySyncPage, type AppliedChanges } from '../../db/applySyncPage.js';
import type { LocateProfile } from '../../db/profileBundles.js';

export const SYNC_PAGE_SIZE = 5000;

export interface SyncProgress {
  /** True when the cache was empty at the start (the first sync shows a progress bar). */
  firstSync: boolean;
  written: number;
  total: number;
}

export interface SyncDeps {
  api: Pick<CallsignApi, 'invoke'>;
  db: CallsignDb;
  directory: { apply(changes: AppliedChanges): void; locateProfile: LocateProfile; whenLoaded: Promise<void> };
  onProgress?: (p: SyncProgress) => void;
  now?: () => number;
}

export interface SyncResult {
  seq: number;
  written: number;
  lastSyncAt: number;
}

function measure(name: string, start: number, end: number) {
  try {
    performance.measure(name, { start, end });
  } catch {
    /* user timing is diagnostics only */
  }
}

export async function syncDirectory({ api, db, directory, onProgress, now = Date.now }: SyncDeps): Promise<SyncResult> {
  // The cache groups profiles by site; moves and tombstones are placed with the in-memory directory.
  await directory.whenLoaded;
  const meta = await readSyncMeta(db);
  const firstSync = meta.syncSeq === 0;
  let since = meta.syncSeq;
  let written = 0;
  onProgress?.({ firstSync, written: 0, total: 0 });
  // Pipelined: the next page is requested as soon as this one arrives (its cursor is the page's
  // seq), so the server and main work while this page is written. A page that fails to apply
  // stops the loop; the prefetched one is dropped and the cursor stays where the cache is.
  const pull = (from: number) => {
    const t0 = performance.now();
    return api
      .invoke('sync.pull', { since: from, limit: SYNC_PAGE_SIZE })
      .then((page) => (measure('sync.pull', t0, performance.now()), page));
  };
  let next = pull(since);
  for (;;) {
    const page = await next;
    // Stop on the last page, and defensively when the cursor did not move (never loop forever).
    const advanced = page.seq > since;
    const more = page.more && advanced;
    if (more) {
      next = pull(page.seq);
      next.catch(() => undefined); // surfaced by the await above on the next turn
    }
    const t1 = performance.now();
    const applied = await applySyncPage(db, page, directory.locateProfile);
    const t2 = performance.now();
    directory.apply(applied);
    measure('sync.write', t1, t2);
    measure('sync.index', t2, performance.now());
    written += page.changes.length;
    onProgress?.({ firstSync, written, total: written + page.remaining });
    since = Math.max(since, page.seq);
    if (!more) break;
  }
  const lastSyncAt = now();
  await db.meta.put({ key: 'lastSyncAt', value: lastSyncAt });
  return { seq: since, written, lastSyncAt };
}
