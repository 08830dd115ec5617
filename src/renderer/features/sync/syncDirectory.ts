/**
 * One directory sync: pulls pages from `sync.pull` starting at the cached `syncSeq` until the server
 * says there is no more, applying each page to the cache (one transaction per page) and to the
 * in-memory index, and reporting progress after each page. Stamps `meta.lastSyncAt` when done.
 */
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { readSyncMeta, type CallsignDb } from '../../db/CallsignDb.js';
import { applySyncPage, type AppliedChanges } from '../../db/applySyncPage.js';

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
  directory: { apply(changes: AppliedChanges): void };
  onProgress?: (p: SyncProgress) => void;
  now?: () => number;
}

export interface SyncResult {
  seq: number;
  written: number;
  lastSyncAt: number;
}

export async function syncDirectory({ api, db, directory, onProgress, now = Date.now }: SyncDeps): Promise<SyncResult> {
  const meta = await readSyncMeta(db);
  const firstSync = meta.syncSeq === 0;
  let since = meta.syncSeq;
  let written = 0;
  onProgress?.({ firstSync, written: 0, total: 0 });
  for (;;) {
    const page = await api.invoke('sync.pull', { since, limit: SYNC_PAGE_SIZE });
    const applied = await applySyncPage(db, page);
    directory.apply(applied);
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
