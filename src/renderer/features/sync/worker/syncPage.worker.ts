/**
 * The sync worker: a thin message shell around the page writer (db/pageWriter.ts), its protocol
 * (pageWriterProtocol.ts) and its own page pulls (workerPulls.ts). It opens its own connection to the
 * offline cache (Dexie works in workers).
 *
 * Secrets: the worker never sees a token. Under the web bridge it fetches pages itself over its own
 * bridge socket (the session cookie, as the window's socket; main holds the token and calls the
 * server), asking for `sync.pullText` only; otherwise the renderer hands it each page main sent.
 */
import { CallsignDb } from '../../../db/CallsignDb.js';
import { createPageWriter } from '../../../db/pageWriter.js';
import { connectBridgeSocket, type SocketLike } from '../../../app/bridgeSocket.js';
import { handleWriterRequest, replyMessages } from './pageWriterProtocol.js';
import { createWorkerPulls } from './workerPulls.js';
import { createPageChecks, startPageCheckWorker } from './pageChecks.js';

interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  location: { protocol: string; host: string };
}

const scope = self as unknown as WorkerScope;
const writer = createPageWriter(new CallsignDb());
// Pages are validated in a worker of their own, each as soon as its text is here (pageChecks.ts).
const checks = createPageChecks(startPageCheckWorker);
// The worker's script comes from the bridge (web bridge mode: the only mode that sends `pull`).
const pulls = createWorkerPulls(
  () =>
    connectBridgeSocket({
      openSocket: () =>
        new WebSocket(
          `${scope.location.protocol === 'https:' ? 'wss' : 'ws'}://${scope.location.host}/bridge/ws`,
        ) as unknown as SocketLike,
    }),
  (text) => checks.check(text),
);
// Writes are handled one at a time, in order: a page's write must see the seed and the pages before it.
// Pulls are answered at once: the next page downloads while this one is written.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (ev) => {
  if ((ev.data as { type?: unknown } | null)?.type === 'pull') {
    void pulls.handle(ev.data).then((reply) => scope.postMessage(reply));
    return;
  }
  // A page handed over by the window (no bridge) goes to be validated now, not when its turn comes.
  const data = ev.data as { type?: unknown; page?: unknown } | null;
  const early = data?.type === 'write' && typeof data.page === 'string' ? checks.check(data.page) : undefined;
  early?.catch(() => undefined); // the write below reports it
  queue = queue.then(async () => {
    const reply = await handleWriterRequest(writer, ev.data, (page) => early ?? pulls.resolve(page));
    if (reply) for (const message of replyMessages(reply)) scope.postMessage(message);
  });
};
