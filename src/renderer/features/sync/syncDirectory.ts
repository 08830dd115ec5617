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
  for (;;) {
    // User-timing measures (`sync.pull`, `sync.write`, `sync.index`) show where sync time goes
    // (DevTools Performance panel, and the lookup benchmark's breakdown).
    const t0 = performance.now();
    const page = await api.invoke('sync.pull', { since, limit: SYNC_PAGE_SIZE });
    const t1 = performance.now();
    const applied = await applySyncPage(db, page, directory.locateProfile);
    const t2 = performance.now();
    directory.apply(applied);
    measure('sync.pull', t0, t1);
    measure('sync.write', t1, t2);
    measure('sync.index', t2, performance.now());
    written += page.changes.length;
    onProgress?.({ firstSync, written, total: written + page.remaining });
    // Stop on the last page, and defensively when the cursor did not move (never loop forever).
    const advanced = page.seq > since;
    since = Math.max(since, page.seq);
    if (!page.more || !advanced) break;
  }
  const lastSyncAt = now();
  await db.meta.put({ key: 'lastSyncAt', value: lastSyncAt });
  return { seq: since, written, lastSyncAt };
}
