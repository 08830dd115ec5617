/**
 * An in-memory client ↔ server pair (like VS Code's createProtocolPair) so Vitest can drive handler
 * round trips through the real dispatcher and client without Electron or sockets. Messages are
 * structured-cloned, as they would be across a real process boundary.
 */
import type { Handlers, EventName, Events, CallsignApi } from './contract.js';
import { createDispatcher } from './dispatch.js';
import { createIpcClient } from './client.js';
import { WireRequest } from './wire.js';

export function createMemoryPair(handlers: Handlers): {
  client: CallsignApi;
  emit<E extends EventName>(e: E, data: Events[E]): void;
} {
  const dispatch = createDispatcher(handlers);
  let deliver: (m: unknown) => void = () => {};
  const client = createIpcClient({
    send(message) {
      const req = WireRequest.parse(structuredClone(message));
      void dispatch(req.channel, req.payload).then((r) =>
        deliver(structuredClone({ type: 'result', id: req.id, ...r })),
      );
    },
    onMessage(listener) {
      deliver = listener;
    },
  });
  return { client, emit: (event, data) => deliver(structuredClone({ type: 'event', event, data })) };
}
