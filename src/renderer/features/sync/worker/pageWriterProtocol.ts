/**
 * The messages between the renderer and the sync worker (syncPage.worker.ts), checked with zod on the
 * worker's side of the boundary, and the handler the worker runs, kept here so it is tested without a
 * Worker. Requests: `seed` (where the cached profiles are; no reply) and `write` (one sync page);
 * `pull` (a page the worker fetches itself) is answered apart, by workerPulls.ts.
 * Replies carry the request id and either what was written or the AppError's code, message and field;
 * what was written goes back in parts (`replyMessages`).
 */
import { z } from 'zod';
import { AppError, parseOrThrow } from '../../../../shared/api/errors.js';
import type { AppliedChanges } from '../../../db/applySyncPage.js';
import type { PageWriter } from '../../../db/pageWriter.js';
import { splitApplied } from './replyParts.js';
import type { SnapshotLines } from '../../../../shared/identify/types.js';
import { errorReply, type WorkerError } from './workerError.js';

export const WriterRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('seed'),
    ids: z.array(z.string()),
    siteIds: z.array(z.string()),
  }),
  // The page itself is validated by the writer (SyncPage), where a bad field is named.
  z.object({ type: z.literal('write'), id: z.number().int(), page: z.unknown() }),
  // A bulk run (the first sync into an empty cache: pageWriter.ts): start (no reply), and finish.
  z.object({ type: z.literal('bulk-start') }),
  z.object({ type: z.literal('bulk-finish'), id: z.number().int(), seq: z.number().int().nonnegative() }),
]);
export type WriterRequest = z.infer<typeof WriterRequest>;

/** `more`: a part of the page's changes, the rest follows (replyParts.ts); the last part has no `more`. */
export type WriterReply =
  | { id: number; ok: true; written: AppliedChanges; more?: true }
  /** A bulk run's end: the lines stored as the snapshot (null: none could be taken). */
  | { id: number; ok: true; finished: SnapshotLines | null }
  | { id: number; ok: false; error: WorkerError };

/**
 * Runs one request; resolves with the reply to post back (none for `seed`). Never rejects.
 * `resolvePage`: turns a `write`'s page into the page to write (a page the worker pulled itself is
 * named by reference: workerPulls.ts), or a promise of it; may throw or reject with an AppError.
 */
export async function handleWriterRequest(
  writer: PageWriter,
  raw: unknown,
  resolvePage: (page: unknown) => unknown = (page) => page,
): Promise<WriterReply | undefined> {
  let id = -1;
  try {
    const req = parseOrThrow(WriterRequest, raw, 'syncWorkerMessage');
    if (req.type === 'bulk-start') {
      writer.bulkStart?.();
      return undefined;
    }
    if (req.type === 'bulk-finish') {
      id = req.id;
      return { id, ok: true, finished: (await writer.bulkFinish?.(req.seq)) ?? null };
    }
    if (req.type === 'seed') {
      if (req.ids.length !== req.siteIds.length)
        throw new AppError('bad_request', 'The sync worker was given mismatched profile placement lists.', 'siteIds');
      writer.seed(req);
      return undefined;
    }
    id = req.id;
    return { id, ok: true, written: await writer.write(await resolvePage(req.page)) };
  } catch (err) {
    return errorReply(
      id,
      err,
      'internal',
      (e) => `The offline cache could not be written: ${String(e)}. Sync will try again.`,
    );
  }
}

/** The messages that carry `reply`: a written page in parts (see replyParts.ts), anything else as is. */
export function replyMessages(reply: WriterReply): WriterReply[] {
  if (!reply.ok || !('written' in reply)) return [reply];
  const parts = splitApplied(reply.written);
  return parts.map((written, i) => ({
    id: reply.id,
    ok: true,
    written,
    ...(i < parts.length - 1 ? { more: true } : {}),
  }));
}
