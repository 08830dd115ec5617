/**
 * One directory sync: pulls pages from `sync.pull` starting at the cached `syncSeq` until the server
 * says there is no more, applying each page to the cache (one transaction per page, which also moves
 * `syncSeq`: the checkpoint) and to the in-memory index, and reporting progress after each page.
 * Stamps `meta.lastSyncAt` when done, then persists the index's phone keys for a warm next start.
 *
 * Off the main thread: with a `writer` (the sync worker: features/sync/worker), pages come from main
 * as their JSON bytes and the worker parses, validates and writes each one while the renderer indexes the
 * page before it; the renderer receives only the page's net changes (structured clone) to index.
 * Without one (tests, no worker support) pages are pulled as objects and written in-thread.
 * The worker also works out every record's phone keys (identify/recordKeys.ts) and replies in parts of
 * 1,000 records (worker/replyParts.ts), so the renderer's share of a page is Map and tree inserts in
 * slices of a few ms.
 *
 * Why the first sync still indexes page by page (rather than the worker building the caller index
 * alone and the renderer restoring it at the end, as a warm start does): the type-ahead index must be
 * built on the main thread either way, and at the end it would be one 100k-record build after the
 * last page, delaying "ready" by seconds; page by page it overlaps the pulls and writes, and lookups
 * answer for what has arrived so far while the sync runs.
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
import type { PageWriter, ProfilePlacement } from '../../db/pageWriter.js';
import { matchCredentialScope, type CredentialScope } from '../../db/credentialScope.js';
import type { SnapshotLines } from '../../../shared/identify/types.js';
import { measure } from '../../diagnostics/userTiming.js';

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
    /**
     * Persists the index's phone keys once the run has applied everything (a warm next start), as of
     * `atSeq`. Not awaited: an incremental change is visible once indexed, not once saved.
     */
    persistKeys?(atSeq?: number): Promise<void>;
    /** Where every profile in the directory is stored (seeds the writer at the start of a run). */
    placement?(): ProfilePlacement;
    /** A bulk run (see the header): begins; applies a page's sites and lines; builds all from the cache. */
    beginBulk?(): void;
    applyBulk?(changes: AppliedChanges): void | Promise<void>;
    /** `written`: the run ended well (its records need no check); `lines`: the snapshot it stored. */
    reload?(options?: { written?: boolean; lines?: SnapshotLines }): Promise<void>;
  };
  /** Writes pages elsewhere (the sync worker); default: in-thread with `directory.locateProfile`. */
  writer?: PageWriter;
  /**
   * Whether the signed-in role is sent credential metadata (db/credentialScope.ts); the cache is
   * matched to it before the run. Undefined (no user, or not given): the cache is left as it is.
   */
  credentialScope?: () => Promise<CredentialScope | undefined>;
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

/** A pulled page: its cursor fields, and the page itself (a SyncPage, or its JSON bytes for the worker). */
interface Pulled {
  seq: number;
  more: boolean;
  remaining: number;
  count: number;
  raw: unknown;
}

/** The server is gone for now (down, or answering 503 while it shuts down): worth waiting for. */
const retryable = (err: unknown) =>
  err instanceof AppError && (err.code === 'server_unreachable' || err.code === 'unavailable');

export async function syncDirectory({
  api,
  db,
  directory,
  writer,
  credentialScope,
  onProgress,
  now = Date.now,
  retryDelaysMs = RETRY_DELAYS_MS,
  sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
}: SyncDeps): Promise<SyncResult> {
  // The cache groups profiles by site; moves and tombstones are placed with the in-memory directory.
  const asked = credentialScope?.(); // asked of main while the directory loads
  await directory.whenLoaded;
  const scope = await asked;
  const scopeChange = scope ? await matchCredentialScope(db, scope) : 'kept';
  if (scopeChange !== 'kept')
    console.warn(`Callsign: the cache's credential metadata now follows the signed-in role (${scopeChange})`);
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
  // With the worker, main sends the page as its JSON bytes (`sync.pullBytes`): the renderer passes
  // them on without parsing or cloning 5,000 records on its main thread. Under the web bridge the
  // worker pulls it itself (`writer.pull`), and the page never reaches this thread at all.
  const pull = async (from: number): Promise<Pulled> => {
    const t0 = performance.now();
    const q = { since: from, limit: SYNC_PAGE_SIZE };
    let pulled: Pulled;
    if (writer?.pull) {
      const { page, ...cursor } = await writer.pull(q);
      pulled = { ...cursor, raw: page };
    } else if (writer) {
      const { bytes, ...cursor } = await api.invoke('sync.pullBytes', q);
      pulled = { ...cursor, raw: bytes };
    } else {
      const page = await api.invoke('sync.pull', q);
      pulled = { seq: page.seq, more: page.more, remaining: page.remaining, count: page.changes.length, raw: page };
    }
    measure('sync.pull', t0, performance.now());
    return pulled;
  };
  // A drop in the middle of the first sync: wait and pull the same page again (the checkpoint has
  // not moved past it). That includes a first sync resumed from an earlier run's checkpoint, from its
  // first pull: its progress bar stays and says it is waiting, instead of vanishing until the next
  // scheduled run. A server unreachable before any data, or during a routine sync, fails at once (the
  // badge says Offline within seconds; the next scheduled sync resumes from the checkpoint).
  let midFirstSync = resumed;
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
  // The worker learns where the cached profiles are before its first write (the directory holds
  // exactly the cache then: the previous run's pages are all indexed) and keeps that up to date with
  // the pages it writes, so a routine run does not send 100k placements again. A writer that cannot
  // keep it (`seeded` absent) is seeded once per run that has something to write.
  let seededThisRun = false;
  const writePage = async (page: Pulled): Promise<AppliedChanges> => {
    if (!writer) return applySyncPage(db, page.raw, directory.locateProfile);
    if (page.count && !seededThisRun && !writer.seeded) {
      writer.seed(directory.placement?.() ?? { ids: [], siteIds: [] });
      seededThisRun = true;
    }
    return writer.write(page.raw);
  };
  // Bulk: the first sync into an empty cache, with a worker that can describe what it writes.
  const bulk = meta.syncSeq === 0 && firstSync && !!writer?.bulkStart && !!directory.applyBulk && !!directory.reload;
  if (bulk) {
    writer.bulkStart!();
    directory.beginBulk?.();
  }
  const apply = (applied: AppliedChanges) => (bulk ? directory.applyBulk!(applied) : directory.apply(applied));
  // The directory's work on the pages applied so far (awaited before the next page's, and at the end).
  let indexing: Promise<void> = Promise.resolve();
  try {
    since = await pullAll();
  } finally {
    // A bulk run's records are in the cache but not in the directory's live index: whatever happened,
    // the directory is built again from the cache (from the worker's snapshot when the run ended well),
    // once it is done with the pages applied (a failed run's last one may still be going).
    if (bulk) {
      await indexing.catch(() => undefined); // its failure is the run's, reported by pullAll
      await finishBulk();
    }
  }
  const lastSyncAt = now();
  await db.meta.put({ key: 'lastSyncAt', value: lastSyncAt });
  if (written > 0 && !bulk) void directory.persistKeys?.(since);
  return { seq: since, written, lastSyncAt };

  async function finishBulk() {
    const t = performance.now();
    const lines = await writer!.bulkFinish?.(since);
    if (!lines) console.warn('Callsign: the first sync could not save the caller index; it is built from the cache');
    await directory.reload!({ written: !!lines, ...(lines ? { lines } : {}) });
    measure('sync.bulk-reload', t, performance.now());
  }

  async function pullAll(): Promise<number> {
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
      // In-thread writes read the directory (locateProfile), so they wait for the previous page's indexing.
      if (!writer) await indexing;
      const t1 = performance.now();
      const applied = await writePage(page);
      const t2 = performance.now();
      measure('sync.write', t1, t2);
      await indexing;
      const t3 = performance.now();
      indexing = Promise.resolve(apply(applied)).then(() => measure('sync.index', t3, performance.now()));
      indexing.catch(() => undefined); // surfaced by the next await of `indexing`
      // The cursor came beside the page (main reads it from a header, not the page): the next pull
      // starts from it, so it must be the page written, or the run stops here, at the page's own
      // checkpoint, once the directory holds what the cache holds.
      if (applied.count > 0 && (applied.seq !== page.seq || applied.count !== page.count)) {
        await indexing;
        throw new AppError(
          'internal',
          `A sync page did not match its cursor (seq ${applied.seq} with ${applied.count} changes, announced as seq ${page.seq} with ${page.count}); sync starts again from the last saved point.`,
          'syncPage',
        );
      }
      written += page.count;
      const elapsed = now() - started;
      const etaMs = elapsed > 0 && written > 0 ? Math.round((page.remaining * elapsed) / written) : undefined;
      report({ written, total: written + page.remaining, ...(etaMs !== undefined ? { etaMs } : {}) });
      since = Math.max(since, page.seq);
      if (!more) break;
    }
    await indexing;
    return since;
  }
}
