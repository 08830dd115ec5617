/**
 * The web-bridge transport: the typed IPC client over a WebSocket that reconnects with backoff.
 *
 * Sends made before the socket opens are queued. When the socket closes, every call still waiting
 * for a reply (sent or queued) is rejected with a `server_unreachable` AppError and a reconnect is
 * scheduled; calls made while disconnected fail at once with the same error, so the UI can fall
 * back to the offline cache instead of hanging. Listeners registered with `on` survive reconnects.
 */
import { AppError } from '../../shared/api/errors.js';
import { createIpcClient } from '../../shared/ipc/client.js';
import type { CallsignApi, Channel, RequestOf, Results } from '../../shared/ipc/contract.js';
import type { WireRequest } from '../../shared/ipc/wire.js';
import { decodeBinaryResult } from '../../shared/ipc/binaryFrame.js';

/** The part of the DOM WebSocket we use, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  /** Set to 'arraybuffer': a result with bytes (a sync page) comes as a binary frame. */
  binaryType?: string;
  send(data: string): void;
  close(): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export interface BridgeSocketOptions {
  openSocket: () => SocketLike;
  /** Delay before reconnect attempt `n` (1-based). */
  backoffMs?: (attempt: number) => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

const defaultBackoff = (n: number) => Math.min(30_000, 500 * 2 ** Math.min(n - 1, 6));

export function disconnectedError(): AppError {
  return new AppError(
    'server_unreachable',
    'Lost the connection to Callsign — reconnecting. The cached directory still works.',
  );
}

/**
 * Connects and resolves with the API once the first socket opens; rejects if that first attempt
 * closes before opening (wrong/missing bridge cookie, bridge not running).
 */
export function connectBridgeSocket(opts: BridgeSocketOptions): Promise<CallsignApi> {
  const backoff = opts.backoffMs ?? defaultBackoff;
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let socket: SocketLike | undefined;
  let state: 'connecting' | 'open' | 'waiting' = 'connecting';
  let attempts = 0;
  let everOpened = false;
  const queue: string[] = [];
  const inFlight = new Set<(err: AppError) => void>();
  let deliver: (m: unknown) => void = () => {};

  const client = createIpcClient({
    send(message: WireRequest) {
      const text = JSON.stringify(message);
      if (state === 'open' && socket) socket.send(text);
      else if (state === 'connecting') queue.push(text);
      else throw disconnectedError();
    },
    onMessage(listener) {
      deliver = listener;
    },
  });

  return new Promise((resolve, reject) => {
    const connect = () => {
      state = 'connecting';
      const s = opts.openSocket();
      socket = s;
      s.binaryType = 'arraybuffer';
      s.onmessage = (ev) => {
        try {
          deliver(ev.data instanceof ArrayBuffer ? decodeBinaryResult(ev.data) : JSON.parse(String(ev.data)));
        } catch (err) {
          // Only the bridge writes here; an unreadable frame means a bug or a stray client — log, keep the socket.
          console.warn('Callsign: ignored a web bridge message that is neither JSON nor a result frame', err);
        }
      };
      s.onopen = () => {
        state = 'open';
        attempts = 0;
        if (!everOpened) {
          everOpened = true;
          resolve(api);
        }
        for (const text of queue.splice(0)) s.send(text);
      };
      s.onerror = () => {};
      s.onclose = () => {
        if (socket !== s) return;
        socket = undefined;
        state = 'waiting';
        queue.length = 0;
        const err = disconnectedError();
        for (const fail of [...inFlight]) fail(err);
        inFlight.clear();
        if (!everOpened) {
          reject(new AppError('server_unreachable', 'Could not connect to the Callsign bridge.'));
          return;
        }
        attempts += 1;
        setTimer(connect, backoff(attempts));
      };
    };

    const api: CallsignApi = {
      invoke<C extends Channel>(channel: C, payload: RequestOf<C>): Promise<Results[C]> {
        if (state === 'waiting') return Promise.reject(disconnectedError());
        return new Promise<Results[C]>((res, rej) => {
          const fail = (err: AppError) => rej(err);
          inFlight.add(fail);
          client.invoke(channel, payload).then(
            (v) => {
              inFlight.delete(fail);
              res(v);
            },
            (e: unknown) => {
              inFlight.delete(fail);
              rej(e);
            },
          );
        });
      },
      on: (event, listener) => client.on(event, listener),
    };

    connect();
  });
}
