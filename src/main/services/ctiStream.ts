/**
 * Holds the desktop's call stream (server: src/server/cti/ctiStream.ts) while someone is signed in:
 * a WebSocket opened with the access token in `Authorization` (never in the URL), each message a
 * `CallPush` handed to `onCall` (main forwards it to the renderer as the `cti.call` event).
 *
 * Authentication goes through `SessionService.authorized`, so a refused token (401 at the upgrade)
 * triggers the one shared, single-flight refresh and a second attempt with the new token. When the
 * server closes the stream because the token expired (4001) the client reconnects at once, which
 * refreshes the same way. Any other loss reconnects with exponential backoff and full jitter
 * (`initialMs` doubling to `maxMs`), reset after a connection that opened. Signing out stops it.
 */
import WebSocket from 'ws';
import { AppError } from '../../shared/api/errors.js';
import { CallPush } from '../../shared/api/cti.js';

export const CTI_STREAM_PATH = '/v1/cti/stream';
const CLOSE_TOKEN_EXPIRED = 4001;

export interface StreamConnection {
  onMessage(listener: (text: string) => void): void;
  /** Called once, with the close code (1006 when the connection dropped). */
  onClose(listener: (code: number) => void): void;
  close(): void;
}

/** Opens the stream or rejects with AppError `unauthorized` (401/403 at the upgrade) or `server_unreachable`. */
export type OpenStream = (url: string, token: string) => Promise<StreamConnection>;

export interface CtiStreamDeps {
  open: OpenStream;
  session: { authorized<T>(call: (token: string) => Promise<T>): Promise<T> };
  /** The server's base URL (http/https); the stream URL is derived from it. */
  serverUrl: () => string;
  onCall: (push: CallPush) => void;
  logError?: (message: string, err: unknown) => void;
  backoff?: { initialMs: number; maxMs: number };
  random?: () => number;
}

export function streamUrl(serverUrl: string): string {
  const url = new URL(CTI_STREAM_PATH, serverUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export class CtiStreamClient {
  private running = false;
  private connection: StreamConnection | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  /** Connections opened so far (tests and the bench read it). */
  opened = 0;

  constructor(private readonly deps: CtiStreamDeps) {}

  /** Starts holding the stream (idempotent): call after sign-in and after a resumed session. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  /** Stops and closes the stream: sign-out, or a session that ended. */
  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    const c = this.connection;
    this.connection = undefined;
    c?.close();
  }

  get connected(): boolean {
    return this.connection !== undefined;
  }

  private async connect(): Promise<void> {
    this.timer = undefined;
    if (!this.running) return;
    const url = streamUrl(this.deps.serverUrl());
    let connection: StreamConnection;
    try {
      connection = await this.deps.session.authorized((token) => this.deps.open(url, token));
    } catch (err) {
      if (err instanceof AppError && (err.code === 'not_signed_in' || err.code === 'device_revoked')) {
        this.running = false; // signed out (or wiped): the next sign-in starts the stream again
        return;
      }
      if (!(err instanceof AppError && err.code === 'server_unreachable'))
        this.deps.logError?.('Callsign: the incoming-call stream could not connect; retrying', err);
      return this.retry();
    }
    if (!this.running) return connection.close();
    this.connection = connection;
    this.opened++;
    this.attempt = 0;
    connection.onMessage((text) => this.receive(text));
    connection.onClose((code) => {
      if (this.connection !== connection) return;
      this.connection = undefined;
      if (!this.running) return;
      if (code === CLOSE_TOKEN_EXPIRED)
        void this.connect(); // authorized() refreshes the token
      else this.retry();
    });
  }

  private retry(): void {
    if (!this.running) return;
    const { initialMs, maxMs } = this.deps.backoff ?? { initialMs: 500, maxMs: 30_000 };
    const ceiling = Math.min(maxMs, initialMs * 2 ** this.attempt++);
    this.timer = setTimeout(() => void this.connect(), Math.round((this.deps.random ?? Math.random)() * ceiling));
    this.timer.unref?.();
  }

  private receive(text: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return this.deps.logError?.('Callsign: the call stream sent a message that is not JSON; ignored', err);
    }
    const push = CallPush.safeParse(parsed);
    if (!push.success)
      return this.deps.logError?.(
        'Callsign: the call stream sent a message this version does not know; ignored',
        push.error,
      );
    this.deps.onCall(push.data);
  }
}

/** The real opener, with `ws`; errors after the handshake are logged and followed by a reconnect. */
export const webSocketOpener =
  (logError: (message: string, err: unknown) => void = console.warn): OpenStream =>
  (url, token) =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` }, handshakeTimeout: 10_000 });
      ws.once('unexpected-response', (_req, res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        ws.terminate();
        reject(
          status === 401 || status === 403
            ? new AppError('unauthorized', 'The server refused the access token for the call stream.')
            : new AppError('server_unreachable', `The call stream answered HTTP ${status}; retrying.`),
        );
      });
      ws.once('error', () => reject(new AppError('server_unreachable', 'Couldn’t reach the call stream; retrying.')));
      ws.once('open', () => {
        ws.removeAllListeners('error');
        ws.on('error', (err) => logError('Callsign: the call stream failed; reconnecting', err)); // 'close' follows
        resolve({
          onMessage: (listener) => ws.on('message', (data) => listener(String(data))),
          onClose: (listener) => ws.once('close', (code) => listener(code)),
          close: () => ws.close(),
        });
      });
    });
