/**
 * Registers the contract's channels on ipcMain. Every call is checked against the sender's URL
 * before the payload is validated and dispatched.
 */
import { ipcMain, type WebContents } from 'electron';
import { channels, type EventName, type Events, type Handlers } from '../../shared/ipc/contract.js';
import { createDispatcher } from '../../shared/ipc/dispatch.js';
import { isTrustedSender, type AppPages } from './urlPolicy.js';

export const IPC_INVOKE = 'callsign:invoke';
export const IPC_EVENT = 'callsign:event';

export function registerIpc(handlers: Handlers, pages: AppPages) {
  const dispatch = createDispatcher(handlers);
  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, payload: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, pages)) {
      return { ok: false, error: { code: 'forbidden', message: 'Forbidden' } };
    }
    return dispatch(channel, payload);
  });
  return { channels };
}

export function emitTo<E extends EventName>(contents: WebContents, event: E, data: Events[E]) {
  contents.send(IPC_EVENT, event, data);
}
