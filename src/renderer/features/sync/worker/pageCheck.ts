/**
 * Validating a sync page, the job of the page check worker (pageCheck.worker.ts): JSON text in, the
 * page as `SyncPage` parsed it (defaults filled in, unknown fields dropped) out, as JSON text again.
 *
 * Why a worker of its own: validating 5,000 records with zod is ~80 ms a page in the sync worker
 * (2.2–2.8 s of a 100k first sync, plus the garbage it leaves), and the sync worker was the first
 * sync's bottleneck, busy ~90% of the time (bench:lookup trace). In a second worker the next page is
 * validated while this one is written, on the machine's other core. Text both ways: a string crosses
 * between workers as one copy, and stringify + parse of a page (~35 ms) cost less than cloning its
 * 5,000 objects through postMessage.
 */
import { z } from 'zod';
import { parseOrThrow } from '../../../../shared/api/errors.js';
import { SyncPage } from '../../../../shared/api/sync.js';
import { parseSyncPageJson } from '../../../db/pageWriter.js';
import { errorReply, type WorkerError } from './workerError.js';

/** sync worker → check worker: one page's text. */
export const CheckRequest = z.object({ id: z.number().int(), text: z.string() });
export type CheckRequest = z.infer<typeof CheckRequest>;

/** check worker → sync worker: the validated page's text, or the AppError naming the bad field. */
export type CheckReply = { id: number; ok: true; text: string } | { id: number; ok: false; error: WorkerError };

/** Validates a page's JSON text; resolves with the validated page as JSON. Throws an AppError naming the field. */
export function checkPageText(text: string): string {
  return JSON.stringify(parseOrThrow(SyncPage, parseSyncPageJson(text), 'syncPage'));
}

/** Answers one request (never throws): what the check worker posts back. */
export function handleCheckRequest(raw: unknown): CheckReply {
  let id = -1;
  try {
    const req = parseOrThrow(CheckRequest, raw, 'syncCheckMessage');
    id = req.id;
    return { id, ok: true, text: checkPageText(req.text) };
  } catch (err) {
    return errorReply(
      id,
      err,
      'internal',
      (e) => `The sync page could not be checked: ${String(e)}. Sync will try again.`,
    );
  }
}
