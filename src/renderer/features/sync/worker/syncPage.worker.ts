/**
 * The sync worker: a thin message shell around the page writer (db/pageWriter.ts) and its protocol
 * (pageWriterProtocol.ts). It opens its own connection to the offline cache (Dexie works in workers).
 *
 * Secrets: the worker never sees a token. Pages are fetched by main (which holds the session) through
 * the typed IPC contract, exactly as before; the renderer hands each page it received to this worker,
 * so nothing here can reach the server or hold anything the renderer could not already read.
 */
import { CallsignDb } from '../../../db/CallsignDb.js';
import { createPageWriter } from '../../../db/pageWriter.js';
import { handleWriterRequest, replyMessages } from './pageWriterProtocol.js';

interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
const writer = createPageWriter(new CallsignDb());
// Requests are handled one at a time, in order: a page's write must see the seed and the pages before it.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (ev) => {
  queue = queue.then(async () => {
    const reply = await handleWriterRequest(writer, ev.data);
    if (reply) for (const message of replyMessages(reply)) scope.postMessage(message);
  });
};
