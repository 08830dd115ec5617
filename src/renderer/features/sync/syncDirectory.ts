/**
 * One directory sync: pulls pages from `sync.pull` starting at the cached `syncSeq` until the server
 * says there is no more, applying each page to the cache (one transaction per page, which also moves
 * `syncSeq`: the checkpoint) and to the in-memory index, and reporting progress after each page.
 * Stamps `meta.lastSyncAt` when done, then persists the index's phone keys for a warm next start.
 *
 * Resuming: a restart mid-sync starts again from the checkpoint (the first sync is the one that has
 * never finished: no `lastSyncAt` yet, so it keeps its progress bar); a network drop in the middle
 * of the first sync waits with backoff and pulls again from the last applied page, showing that it
 * is waiting.
 */
import { AppError } from '../../../shared/api/errors.js';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { readSyncMeta, type CallsignDb } from '../../db/CallsignDb.js';
import { applySyncPage, type AppliedChanges } from '../../db/applySyncPage.js';
import type { LocateProfile } from '../../db/profileBundles.js';

export const SYNC_PAGE_SIZE = 5000;

/** Waits before pulling again after the server dropped away mid-sync (then the next scheduled sync resumes). */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000, 15_000, 15_000, 15_000];

export interface SyncProgress {
  /** True until a sync has completed once (the first sync shows a progress bar, also when resumed). */
  firstSync: boolean;
  /** Records applied in this run. */
  written: number;
  /** `written` + what the server says is left. */
  total: number;
  /** This run started from a checkpoint of an initial sync that had not finished. */
  resumed?: boolean;
  /** Estimated time left, once a rate is known. */
  etaMs?: number;
  /** The server cannot be reached; the sync pulls again from its checkpoint when it is back. */
  waiting?: boolean;
}

export interface SyncDeps {
  api: Pick<CallsignApi, 'invoke'>;
  db: CallsignDb;
  directory: {
    apply(changes: AppliedChanges): void | Promise<void>;
    locateProfile: LocateProfile;
    whenLoaded: Promise<void>;
    /** Persists the index's phone keys once the run has applied everything (a warm next start). */
    persistKeys?(): Promise<void>;
  };
  onProgress?: (p: SyncProgress) => void;
  now?: () => number;
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
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

const retryable = (err: unknown) => err instanceof AppError && err.code === 'server_unreachable';

export async function syncDirectory({
  api,
  db,
  directory,
  onProgress,
  now = Date.now,
  retryDelaysMs = RETRY_DELAYS_MS,
  sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
}: SyncDeps): Promise<SyncResult> {
  // The cache groups profiles by site; moves and tombstones are placed with the in-memory directory.
  await directory.whenLoaded;
  const meta = await readSyncMeta(db);
  const firstSync = meta.lastSyncAt === undefined;
  const resumed = firstSync && meta.syncSeq > 0;
  let since = meta.syncSeq;
  let written = 0;
  let last: SyncProgress = { firstSync, written: 0, total: 0, ...(resumed ? { resumed } : {}) };
  const report = (p: Partial<SyncProgress>) => {
    last = { ...last, ...p };
    onProgress?.(last);
  };
  report({});
  const pull = (from: number) => {
    const t0 = performance.now();
    return api
      .invoke('sync.pull', { since: from, limit: SYNC_PAGE_SIZE })
      .then((page) => (measure('sync.pull', t0, performance.now()), page));
  };
  // A drop in the middle of the first sync: wait and pull the same page again (the checkpoint has
  // not moved past it). A server unreachable from the start, or during a routine sync, fails at once
  // so the badge says Offline within seconds; the next scheduled sync resumes from the checkpoint.
  let midFirstSync = false;
  const pullRetrying = async (from: number) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const page = await pull(from);
        if (attempt > 0) report({ waiting: false });
        midFirstSync = firstSync;
        return page;
      } catch (err) {
        if (!midFirstSync || !retryable(err) || attempt >= retryDelaysMs.length) throw err;
        console.warn(`Callsign: sync lost the server at seq ${from}; trying again (attempt ${attempt + 1})`, err);
        report({ waiting: true });
        await sleep(retryDelaysMs[attempt]!);
      }
    }
  };
  const started = now();
  // Pipelined: the next page is requested as soon as this one arrives (its cursor is the page's
  // seq), so the server and main work while this page is written. A page that fails to apply
  // stops the loop; the prefetched one is dropped and the cursor stays where the cache is.
  let next = pullRetrying(since);
  for (;;) {
    const page = await next;
    // Stop on the last page, and defensively when the cursor did not move (never loop forever).
    const advanced = page.seq > since;
    const more = page.more && advanced;
    if (more) {
      next = pullRetrying(page.seq);
      next.catch(() => undefined); // surfaced by the await above on the next turn
    }
    const t1 = performance.now();
    const applied = await applySyncPage(db, page, directory.locateProfile);
    const t2 = performance.now();
    await directory.apply(applied);
    measure('sync.write', t1, t2);
    measure('sync.index', t2, performance.now());
    written += page.changes.length;
    const elapsed = now() - started;
    const etaMs = elapsed > 0 && written > 0 ? Math.round((page.remaining * elapsed) / written) : undefined;
    report({ written, total: written + page.remaining, ...(etaMs !== undefined ? { etaMs } : {}) });
    since = Math.max(since, page.seq);
    if (!more) break;
  }
  const lastSyncAt = now();
  await db.meta.put({ key: 'lastSyncAt', value: lastSyncAt });
  if (written > 0) await directory.persistKeys?.();
  return { seq: since, written, lastSyncAt };
}
