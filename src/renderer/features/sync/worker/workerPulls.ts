/**
 * Sync pages fetched by the sync worker itself, over its own connection to the web bridge, so a page
 * never lands on the renderer's main thread. Receiving one there (a 1–2.5 MB WebSocket message) was a
 * task of 100–260 ms of native work (bench trace, "Receive mojo message"), the long tasks of a first
 * sync; and the page was then copied again to the worker.
 *
 * The worker asks for `sync.pullBytes` only, through the same typed contract and the same session
 * cookie as the renderer's own connection: it can reach nothing the renderer cannot, and never holds a
 * token (main does). A pulled page, parsed and validated, stays here until its `write` names it
 * (`{ pulled: id }`), so only the cursor crosses to the renderer.
 *
 * Pulls are answered as they come, not queued behind writes: the next page downloads while this one
 * is written (syncDirectory's pipeline). Without a bridge (Electron: the pages come over IPC), or when
 * this connection cannot open, the renderer relays pages as before (workerPageWriter.ts).
 */
import { z } from 'zod';
import { AppError, parseOrThrow } from '../../../../shared/api/errors.js';
import type { CallsignApi } from '../../../../shared/ipc/contract.js';
import { errorReply, type WorkerError } from './workerError.js';

export const PullRequest = z.object({
  type: z.literal('pull'),
  id: z.number().int(),
  since: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
});
export type PullRequest = z.infer<typeof PullRequest>;

export interface PulledCursor {
  seq: number;
  more: boolean;
  remaining: number;
  count: number;
}

export type PullReply = { id: number; ok: true; pulled: PulledCursor } | { id: number; ok: false; error: WorkerError };

/** What `write` is given in place of a page the worker pulled itself. */
export const PulledPageRef = z.object({ pulled: z.number().int() }).strict();

/** Pulled pages kept for their write at most: the pipeline holds one ahead; a dropped one is forgotten. */
const MAX_HELD = 4;

/**
 * Pages fetched ahead of the window's requests. The next page's cursor is known the moment a page
 * arrives, so the worker asks for it at once instead of waiting for the window's next `pull`: that
 * request used to wait behind this worker's own page writes and the window's tasks, and a first
 * sync's pulls took ~0.36 s each, one after the other (bench:lookup), longer than writing a page.
 */
const MAX_AHEAD = 2;

/** The worker's own connection could not be opened: the renderer relays pages instead (not retryable here). */
export const NO_DIRECT_PULLS = 'bridge_unavailable';

/** A pulled page as its write will take it: `prepare`'s result, or the error its write throws. */
type Prepared = { ok: true; page: unknown } | { ok: false; error: unknown };

interface Arrived {
  since: number;
  cursor: PulledCursor;
  prepared: Prepared;
}

/**
 * `prepare`: what a page's bytes become before their write, run as each page arrives (pageWriter.ts
 * `preparePage`: parsed and validated). A page read ahead arrives while the one before it is being
 * written, and most of a write is IndexedDB's own work on another thread: parsing and validating the
 * next page meanwhile takes ~30 ms a page off the worker's critical path (bench:lookup).
 */
export function createWorkerPulls(
  openApi: () => Promise<Pick<CallsignApi, 'invoke'>>,
  prepare: (bytes: Uint8Array) => unknown = (bytes) => bytes,
) {
  let api: Promise<Pick<CallsignApi, 'invoke'>> | undefined;
  const held = new Map<number, Prepared>();
  /** Pages asked for ahead, by `since:limit`, in the order asked. */
  const ahead = new Map<string, Promise<Arrived>>();

  /** Where a page starts in the log, as the window asks for it. */
  const keyOf = (since: number, limit: number) => `${since}:${limit}`;

  const fetchPage = (bridge: Pick<CallsignApi, 'invoke'>, since: number, limit: number): Promise<Arrived> =>
    bridge.invoke('sync.pullBytes', { since, limit }).then(({ bytes, ...cursor }) => {
      readAhead(bridge, { since, cursor }, limit); // asked for before this page is prepared
      let prepared: Prepared;
      try {
        prepared = { ok: true, page: prepare(bytes) };
      } catch (error) {
        prepared = { ok: false, error }; // thrown by the write that takes the page, as before
      }
      return { since, cursor, prepared };
    });

  /** Asks for the page after `page` if the window will want it (there is more) and few are ahead. */
  const readAhead = (
    bridge: Pick<CallsignApi, 'invoke'>,
    { since, cursor }: Pick<Arrived, 'since' | 'cursor'>,
    limit: number,
  ) => {
    const key = keyOf(cursor.seq, limit);
    if (!cursor.more || cursor.seq <= since || ahead.has(key) || ahead.size >= MAX_AHEAD) return;
    const next = fetchPage(bridge, cursor.seq, limit);
    // Not asked for yet: a failure is reported to the request that takes it (which fetches again).
    next.catch(() => undefined);
    ahead.set(key, next);
  };

  return {
    /** Answers one `pull` request (never rejects). */
    async handle(raw: unknown): Promise<PullReply> {
      let id = -1;
      try {
        const req = parseOrThrow(PullRequest, raw, 'syncWorkerMessage');
        id = req.id;
        api ??= openApi();
        const bridge = await api.catch((err: unknown) => {
          console.warn('Callsign: the sync worker could not connect to the bridge; pages come through the window', err);
          throw new AppError(NO_DIRECT_PULLS, 'The sync worker has no connection of its own.');
        });
        const key = keyOf(req.since, req.limit);
        let page = ahead.get(key);
        if (page) ahead.delete(key);
        else {
          // Another place in the log (a retry, a new run): what was read ahead is not wanted.
          ahead.clear();
          page = fetchPage(bridge, req.since, req.limit);
        }
        const arrived = await page.catch((err: unknown) => {
          ahead.clear(); // read-ahead after a failure would only fail too
          throw err;
        });
        held.set(id, arrived.prepared);
        for (const old of held.keys()) if (held.size > MAX_HELD) held.delete(old);
        // Room ahead again: carry on from the furthest page asked for (its cursor, once it is here).
        const furthest = [...ahead.values()].at(-1);
        if (furthest)
          furthest.then(
            (a) => readAhead(bridge, a, req.limit),
            () => undefined,
          );
        else readAhead(bridge, arrived, req.limit);
        return { id, ok: true, pulled: arrived.cursor };
      } catch (err) {
        return errorReply(id, err, 'server_unreachable', (e) => `The sync page could not be fetched: ${String(e)}`);
      }
    },
    /**
     * The page a `write` names: what was held for a pulled page (once), or the page itself when it is
     * not a reference.
     */
    resolve(page: unknown): unknown {
      const ref = PulledPageRef.safeParse(page);
      if (!ref.success) return page;
      if (!held.has(ref.data.pulled))
        throw new AppError('unavailable', 'A sync page was lost before it was written; sync fetches it again.');
      const prepared = held.get(ref.data.pulled)!;
      held.delete(ref.data.pulled);
      if (!prepared.ok) throw prepared.error;
      return prepared.page;
    },
  };
}
