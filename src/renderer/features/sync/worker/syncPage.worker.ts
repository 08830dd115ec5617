/**
 * The sync worker: a thin message shell around the page writer (db/pageWriter.ts), its protocol
 * (pageWriterProtocol.ts) and its own page pulls (workerPulls.ts). It opens its own connection to the
 * offline cache (Dexie works in workers).
 *
 * Secrets: the worker never sees a token. Under the web bridge it fetches pages itself over its own
 * bridge socket (the session cookie, as the window's socket; main holds the token and calls the
 * server), asking for `sync.pullBytes` only; otherwise the renderer hands it each page main sent.
 */
import { CallsignDb } from '../../../db/CallsignDb.js';
import { createPageWriter, preparePage } from '../../../db/pageWriter.js';
import { connectBridgeSocket, type SocketLike } from '../../../app/bridgeSocket.js';
import { handleWriterRequest, replyMessages } from './pageWriterProtocol.js';
import { createWorkerPulls } from './workerPulls.js';

interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
  location: { protocol: string; host: string };
}

const scope = self as unknown as WorkerScope;
const writer = createPageWriter(new CallsignDb());
// The worker's script comes from the bridge (web bridge mode: the only mode that sends `pull`).
const pulls = createWorkerPulls(
  () =>
    connectBridgeSocket({
      openSocket: () =>
        new WebSocket(
          `${scope.location.protocol === 'https:' ? 'wss' : 'ws'}://${scope.location.host}/bridge/ws`,
        ) as unknown as SocketLike,
    }),
  preparePage,
);
// Writes are handled one at a time, in order: a page's write must see the seed and the pages before it.
// Pulls are answered at once: the next page downloads while this one is written.
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (ev) => {
  if ((ev.data as { type?: unknown } | null)?.type === 'pull') {
    void pulls.handle(ev.data).then((reply) => scope.postMessage(reply));
    return;
  }
  queue = queue.then(async () => {
    const reply = await handleWriterRequest(writer, ev.data, (page) => pulls.resolve(page));
    if (reply) for (const message of replyMessages(reply)) scope.postMessage(message);
  });
};
