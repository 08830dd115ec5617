/**
 * The renderer's side of the sync worker: a PageWriter whose writes run in the worker. Pages are
 * posted in order and the worker handles them in order, so replies come back in order too.
 *
 * If the worker cannot start (a runtime without module workers, a script that failed to load), every
 * waiting write and every later one runs in-thread on the fallback writer instead: the sync still
 * works, only without the main-thread relief. That is logged once with the reason.
 */
import { AppError } from '../../../../shared/api/errors.js';
import type { AppliedChanges } from '../../../db/applySyncPage.js';
import type { PageWriter, ProfilePlacement, PulledPage } from '../../../db/pageWriter.js';
import type { SyncPageBytes } from '../../../../shared/api/sync.js';
import { NO_DIRECT_PULLS, PulledPageRef, type PullRequest, type PullReply } from './workerPulls.js';
import type { WriterReply, WriterRequest } from './pageWriterProtocol.js';
import { mergeApplied } from './replyParts.js';
import type { SnapshotLines } from '../../../../shared/identify/types.js';

/** The part of a DOM Worker used here, so tests can pass a fake. */
export interface WorkerLike {
  postMessage(message: WriterRequest | PullRequest): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'error', listener: (ev: { message?: string }) => void): void;
  terminate(): void;
}

interface Pending {
  page: unknown;
  /** Parts of the reply received so far (replyParts.ts). */
  parts: AppliedChanges[];
  resolve: (w: AppliedChanges) => void;
  reject: (e: unknown) => void;
}

interface PendingPull {
  query: { since: number; limit: number };
  resolve: (p: PulledPage) => void;
  reject: (e: unknown) => void;
}

interface PendingFinish {
  resolve: (lines: SnapshotLines | undefined) => void;
}

export interface PullOptions {
  /** Fetches a page through the window's own connection (main's `sync.pullBytes`). */
  relay: (query: { since: number; limit: number }) => Promise<SyncPageBytes>;
  /** The worker may fetch pages itself (web bridge mode: workerPulls.ts); else every page is relayed. */
  direct: boolean;
}

export function createWorkerPageWriter(
  worker: WorkerLike,
  fallback: () => PageWriter,
  pulling?: PullOptions,
): PageWriter {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const finishing = new Map<number, PendingFinish>();
  const pulls = new Map<number, PendingPull>();
  let direct = pulling?.direct ?? false;
  const relayed = async (q: { since: number; limit: number }): Promise<PulledPage> => {
    const { bytes, ...cursor } = await pulling!.relay(q);
    return { ...cursor, page: bytes };
  };
  let inThread: PageWriter | undefined;
  let lastSeed: ProfilePlacement | undefined;
  let writtenSinceSeed = 0;
  /** The worker was lost after writing pages: its placement is gone and `lastSeed` is out of date. */
  let lostPlacement = false;

  const useFallback = (reason: string) => {
    if (inThread) return;
    console.warn(`Callsign: the sync worker is unavailable (${reason}); sync pages are written on the main thread`);
    worker.terminate();
    inThread = fallback();
    if (lastSeed) inThread.seed(lastSeed);
    const waiting = [...pending.values()];
    pending.clear();
    // Pages being pulled by the worker are pulled through the window instead.
    direct = false;
    for (const p of pulls.values()) relayed(p.query).then(p.resolve, p.reject);
    pulls.clear();
    // A bulk run's lines were the worker's: the run's end rebuilds the directory from the cache instead.
    for (const f of finishing.values()) f.resolve(undefined);
    finishing.clear();
    if (writtenSinceSeed > 0) {
      // Lost after writing: the fallback does not know where the worker's pages put their profiles,
      // so nothing is written until a new seed (the next run seeds afresh and carries on from the
      // checkpoint); this run stops there.
      lostPlacement = true;
      const lost = new AppError('unavailable', 'The sync stopped part-way; it carries on from where it was shortly.');
      for (const p of waiting) p.reject(lost);
      return;
    }
    // Waiting pages are written in their order: each write is chained after the previous one.
    let chain: Promise<unknown> = Promise.resolve();
    for (const p of waiting) chain = chain.then(() => inThread!.write(p.page).then(p.resolve, p.reject));
  };

  worker.addEventListener('error', (ev) => useFallback(ev.message ?? 'it failed to start'));
  worker.addEventListener('message', (ev) => {
    const pull = pulls.get((ev.data as { id: number }).id);
    if (pull) {
      const reply = ev.data as PullReply;
      pulls.delete(reply.id);
      if (reply.ok) pull.resolve({ ...reply.pulled, page: { pulled: reply.id } });
      else if (reply.error.code === NO_DIRECT_PULLS) {
        // No connection of its own (logged in the worker): this page and every later one are relayed.
        direct = false;
        relayed(pull.query).then(pull.resolve, pull.reject);
      } else pull.reject(new AppError(reply.error.code, reply.error.message, reply.error.field));
      return;
    }
    const reply = ev.data as WriterReply;
    const f = finishing.get(reply.id);
    if (f) {
      finishing.delete(reply.id);
      if (!reply.ok) console.warn('Callsign: the sync worker could not save the caller index', reply.error);
      f.resolve(reply.ok && 'finished' in reply ? (reply.finished ?? undefined) : undefined);
      return;
    }
    const p = pending.get(reply.id);
    if (!reply.ok && !p) console.warn('Callsign: the sync worker refused a message', reply.error);
    if (!p) return;
    if (reply.ok && !('written' in reply)) return; // not a page's reply (never: ids are unique)
    if (reply.ok && reply.more) {
      p.parts.push(reply.written);
      return;
    }
    pending.delete(reply.id);
    if (reply.ok) {
      writtenSinceSeed++;
      p.resolve(mergeApplied([...p.parts, reply.written]));
    } else p.reject(new AppError(reply.error.code, reply.error.message, reply.error.field));
  });

  return {
    ...(pulling
      ? {
          pull(query: { since: number; limit: number }): Promise<PulledPage> {
            if (inThread || !direct) return relayed(query);
            const id = nextId++;
            return new Promise<PulledPage>((resolve, reject) => {
              pulls.set(id, { query, resolve, reject });
              worker.postMessage({ type: 'pull', id, since: query.since, limit: query.limit });
            });
          },
        }
      : {}),
    get seeded() {
      return lastSeed !== undefined && !lostPlacement;
    },
    seed(placement) {
      lastSeed = placement;
      writtenSinceSeed = 0;
      lostPlacement = false;
      if (inThread) inThread.seed(placement);
      else worker.postMessage({ type: 'seed', ...placement });
    },
    bulkStart() {
      if (inThread) inThread.bulkStart?.();
      else worker.postMessage({ type: 'bulk-start' });
    },
    bulkFinish(seq) {
      if (inThread) return inThread.bulkFinish?.(seq) ?? Promise.resolve(undefined);
      const id = nextId++;
      return new Promise((resolve) => {
        finishing.set(id, { resolve });
        worker.postMessage({ type: 'bulk-finish', id, seq });
      });
    },
    write(page) {
      if (lostPlacement)
        return Promise.reject(
          new AppError('unavailable', 'The sync stopped part-way; it carries on from where it was shortly.'),
        );
      if (inThread) {
        // A page the worker pulled is gone with it: the sync stops here and carries on from the checkpoint.
        if (PulledPageRef.safeParse(page).success)
          return Promise.reject(
            new AppError('unavailable', 'The sync stopped part-way; it carries on from where it was shortly.'),
          );
        return inThread.write(page);
      }
      const id = nextId++;
      return new Promise<AppliedChanges>((resolve, reject) => {
        pending.set(id, { page, parts: [], resolve, reject });
        try {
          // A page's bytes are copied (a memcpy), not transferred: `pending` keeps them for the
          // fallback, which writes them here if the worker is lost before writing anything.
          worker.postMessage({ type: 'write', id, page });
        } catch (err) {
          // Not cloneable (never for a parsed page) or the worker is gone: write it here.
          useFallback(String(err));
        }
      });
    },
  };
}

/** The sync worker when this runtime has module workers, else undefined (tests, old runtimes). */
export function startSyncWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') return undefined;
  try {
    return new Worker(new URL('./syncPage.worker.ts', import.meta.url), { type: 'module', name: 'callsign-sync' });
  } catch (err) {
    console.warn('Callsign: could not start the sync worker; sync pages are written on the main thread', err);
    return undefined;
  }
}
