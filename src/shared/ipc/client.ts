/**
 * Renderer-side client over any message transport: correlates replies by id and fans events out.
 * Used by the web bridge (WebSocket) and by tests (in-memory pair); Electron uses ipcRenderer directly.
 */
import { AppError } from '../api/errors.js';
import type { CallsignApi, Channel, EventName, Events, RequestOf, Results } from './contract.js';
import { WireMessage, type WireRequest } from './wire.js';

export interface ClientPort {
  send(message: WireRequest): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function createIpcClient(port: ClientPort): CallsignApi {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Map<string, Set<(data: unknown) => void>>();

  port.onMessage((raw) => {
    const msg = WireMessage.safeParse(raw);
    if (!msg.success) return;
    const m = msg.data;
    if (m.type === 'event') {
      listeners.get(m.event)?.forEach((l) => l(m.data));
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.result);
    else p.reject(new AppError(m.error.code, m.error.message, m.error.field));
  });

  return {
    invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Results[C]> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        try {
          port.send({ id, channel, payload });
        } catch {
          pending.delete(id);
          reject(new AppError('server_unreachable', 'Lost the connection to Callsign. Reload the window.'));
        }
      });
    },
    on<E extends EventName>(event: E, listener: (data: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (d: unknown) => void);
      return () => set.delete(listener as (d: unknown) => void);
    },
  };
}
