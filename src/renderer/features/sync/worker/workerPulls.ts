/**
 * Sync pages fetched by the sync worker itself, over its own connection to the web bridge, so a page
 * never lands on the renderer's main thread. Receiving one there (a 1–2.5 MB WebSocket message) was a
 * task of 100–260 ms of native work (bench trace, "Receive mojo message"), the long tasks of a first
 * sync; and the page was then copied again to the worker.
 *
 * The worker asks for `sync.pullText` only, through the same typed contract and the same session
 * cookie as the renderer's own connection: it can reach nothing the renderer cannot, and never holds a
 * token (main does). A pulled page's text stays here until its `write` names it (`{ pulled: id }`),
 * so only the cursor crosses to the renderer.
 *
 * Pulls are answered as they come, not queued behind writes: the next page downloads while this one
 * is written (syncDirectory's pipeline). Without a bridge (Electron: the pages come over IPC), or when
 * this connection cannot open, the renderer relays pages as before (workerPageWriter.ts).
 */
import { z } from 'zod';
import { AppError, parseOrThrow } from '../../../../shared/api/errors.js';
import type { CallsignApi } from '../../../../shared/ipc/contract.js';

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

export type PullReply =
  | { id: number; ok: true; pulled: PulledCursor }
  | { id: number; ok: false; error: { code: string; message: string; field?: string } };

/** What `write` is given in place of a page the worker pulled itself. */
export const PulledPageRef = z.object({ pulled: z.number().int() }).strict();

/** Pulled pages kept for their write at most: the pipeline holds one ahead; a dropped one is forgotten. */
const MAX_HELD = 4;

/** The worker's own connection could not be opened: the renderer relays pages instead (not retryable here). */
export const NO_DIRECT_PULLS = 'bridge_unavailable';

export function createWorkerPulls(openApi: () => Promise<Pick<CallsignApi, 'invoke'>>) {
  let api: Promise<Pick<CallsignApi, 'invoke'>> | undefined;
  const held = new Map<number, string>();
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
        const { text, ...cursor } = await bridge.invoke('sync.pullText', { since: req.since, limit: req.limit });
        held.set(id, text);
        for (const old of held.keys()) if (held.size > MAX_HELD) held.delete(old);
        return { id, ok: true, pulled: cursor };
      } catch (err) {
        const e =
          err instanceof AppError
            ? err
            : new AppError('server_unreachable', `The sync page could not be fetched: ${String(err)}`);
        return { id, ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
      }
    },
    /** The page a `write` names: a pulled page's text (once), or the page itself when it is not a reference. */
    resolve(page: unknown): unknown {
      const ref = PulledPageRef.safeParse(page);
      if (!ref.success) return page;
      const text = held.get(ref.data.pulled);
      held.delete(ref.data.pulled);
      if (text === undefined)
        throw new AppError('unavailable', 'A sync page was lost before it was written; sync fetches it again.');
      return text;
    },
  };
}
