/**
 * The web bridge: the main-process services behind a loopback-only HTTP server that serves the built
 * renderer and carries the IPC contract over a WebSocket. Used where the Electron binary is missing
 * and by the Playwright journeys. Rejections get 403 and a log line that never includes the token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { EventName, Events, Handlers } from '../../shared/ipc/contract.js';
import { createDispatcher } from '../../shared/ipc/dispatch.js';
import { WireRequest } from '../../shared/ipc/wire.js';
import { bytesFieldOf, encodeBinaryResult } from '../../shared/ipc/binaryFrame.js';
import * as guard from './bridgeAuth.js';
import { readStatic } from './staticFiles.js';
import { BridgeSessions } from './bridgeSessions.js';
import type { OriginRegistry } from './originRegistry.js';
import { safeJson } from '../safeJson.js';

export interface WebBridgeOptions {
  handlers: Handlers;
  rendererRoot: string;
  logger: Logger;
  /** 0 picks a free port; main.ts passes the fixed default (bridgePort). */
  port?: number;
  token?: string;
  /** Where the origins it served are remembered, so a remote wipe reaches each (origin registry). */
  origins?: OriginRegistry;
  /** Called with a fresh launch URL when an already-used link is opened again (main.ts prints it). */
  onLaunchUrl?: (url: string) => void;
  now?: () => number;
}

export interface WebBridge {
  url: string;
  port: number;
  /** A fresh one-time launch URL (the previous token stays refused). */
  reissueLaunchUrl(): string;
  emit<E extends EventName>(event: E, data: Events[E]): void;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  // Cross-origin isolation (everything the renderer loads is same-origin): performance.now() gets
  // 5 µs resolution instead of 100 µs, which bench:lookup needs to time each lookup on its own.
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/** The path for a log line: no query, at most 200 characters (it is attacker-chosen). */
function safePath(url: string | undefined): string {
  return (url ?? '').split('?')[0]!.slice(0, 200);
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const sessions = new BridgeSessions({
    token: opts.token ?? guard.newToken(),
    now: opts.now,
    newId: () => randomBytes(24).toString('base64url'),
    newToken: guard.newToken,
  });
  const launchSuffix = randomBytes(9).toString('base64url');
  const sockets = new Set<WebSocket>();
  const dispatch = createDispatcher(opts.handlers, (err, channel) =>
    opts.logger.error({ channel, err: (err as Error)?.name }, 'ipc handler failed'),
  );
  let port = 0;

  const sendError = (res: ServerResponse, status: number, code: string, message: string) => {
    const body = JSON.stringify({ error: { code, message } });
    res
      .writeHead(status, { ...HEADERS, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
  };

  const deny = (req: IncomingMessage, res: ServerResponse | undefined, why: string) => {
    // The token is in the body or fragment, never the URL path we log; log only method/path/why.
    opts.logger.warn(
      { method: req.method, path: safePath(req.url), origin: req.headers.origin, why },
      'web bridge: request denied',
    );
    if (res) sendError(res, 403, 'forbidden', 'Forbidden');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!guard.isAllowedHost(req.headers.host, port)) return deny(req, res, 'host');
    if (req.method === 'POST' && req.url === '/bridge/session') {
      if (!guard.isAllowedOrigin(req.headers.origin, port)) return deny(req, res, 'origin');
      const body = await readBody(req);
      const offered = (() => {
        try {
          return String(JSON.parse(body).token ?? '');
        } catch {
          return '';
        }
      })();
      const r = sessions.exchange(offered);
      if (!r.ok && r.why === 'used') {
        deny(req, undefined, 'link already used');
        opts.onLaunchUrl?.(launchUrl(sessions.reissue()));
        return sendError(res, 403, 'link_used', LINK_USED);
      }
      if (!r.ok) return deny(req, res, 'token');
      const cookie = guard.sessionCookie(guard.cookieName(port, launchSuffix), r.id, r.maxAgeSeconds);
      res.writeHead(204, { ...HEADERS, 'set-cookie': cookie }).end();
      return;
    }
    if (req.method !== 'GET') return deny(req, res, 'method');
    const file = await readStatic(opts.rendererRoot, req.url ?? '/');
    if (file.kind === 'bad_request') return sendError(res, 400, 'bad_request', file.message);
    if (file.kind === 'not_found') return sendError(res, 404, 'not_found', 'Not found.');
    const origin = `http://${req.headers.host}`; // Host was checked above
    opts.origins?.record(origin);
    const wipe = file.type.startsWith('text/html') && opts.origins?.takePendingWipe(origin);
    res
      .writeHead(200, {
        ...HEADERS,
        'content-type': file.type,
        ...(wipe ? { 'clear-site-data': '"cache", "storage"' } : {}),
      })
      .end(file.body);
  };

  // Top-level guard: a throw in a handler is logged and answered, never an unhandled rejection
  // (which ends a Node process).
  // requireHostHeader off: Node would answer a missing Host with its own bare 400; `handle` refuses
  // it (403, in our error shape) like any other foreign Host.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.logger.error(
        { err: errorName(err), method: req.method, path: safePath(req.url) },
        'web bridge: handler failed',
      );
      if (!res.headersSent) sendError(res, 500, 'internal', INTERNAL);
      else res.destroy();
    });
  });
  // Requests Node's HTTP parser refuses (bad request line, bad header, headers too large) never
  // reach `handle`; answer them in the same error shape instead of Node's bare 400.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    const [status, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'bad_request', 'The request headers are too large.']
        : [400, 'bad_request', 'The request is not valid HTTP.'];
    socket.end(rawError(status, code, message));
  });
  // CONNECT requests bypass 'request'; without a listener Node drops the connection without a word.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    deny(req, undefined, 'method');
    socket.end(rawError(403, 'forbidden', 'Forbidden'));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', (err) => opts.logger.warn({ err: errorName(err) }, 'web bridge: upgrade socket error'));
    const sid = guard.readCookie(req.headers.cookie, guard.cookieName(port, launchSuffix));
    const state = sessions.check(sid);
    const why = !guard.isAllowedHost(req.headers.host, port)
      ? 'host'
      : !guard.isAllowedOrigin(req.headers.origin, port)
        ? 'origin'
        : state !== 'ok'
          ? `session ${state}`
          : req.url !== '/bridge/ws'
            ? 'path'
            : undefined;
    if (why) {
      deny(req, undefined, why);
      socket.end(rawError(403, 'forbidden', 'Forbidden'));
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      sessions.opened(sid!);
      ws.on('close', () => (sockets.delete(ws), sessions.closed(sid!)));
      // Without an 'error' listener, a protocol error (oversized or invalid UTF-8 frame) is thrown
      // and ends the process; ws closes the socket (1009/1007) after emitting it.
      ws.on('error', (err) => opts.logger.warn({ err: errorName(err) }, 'web bridge: socket closed on a bad frame'));
      ws.on('message', (data, isBinary) => {
        if (sessions.check(sid) !== 'ok') return void ws.close(4401, 'session expired');
        answer(data, isBinary).then(
          (reply) => ws.send(reply),
          (err: unknown) => opts.logger.error({ err: errorName(err) }, 'web bridge: message handler failed'),
        );
      });
    });
  });

  /**
   * One frame → the reply to send. Malformed frames get a bad_request; the id is -1 when none is usable.
   * A result holding bytes (a sync page) goes back as a binary frame (shared/ipc/binaryFrame.ts).
   */
  const answer = async (data: RawData, isBinary: boolean): Promise<string | Uint8Array> => {
    const raw = isBinary ? undefined : safeJson(rawText(data));
    const parsed = WireRequest.safeParse(raw);
    if (!parsed.success) {
      const id = wireId(raw);
      const message = isBinary
        ? 'A request is JSON text {id, channel, payload}: binary frames only go from the bridge to the app (sync pages).'
        : 'The message is not a Callsign request: send JSON {id, channel, payload}.';
      return JSON.stringify({
        type: 'result',
        id,
        ok: false,
        error: { code: 'bad_request', message, field: 'message' },
      });
    }
    const { id, channel, payload } = parsed.data;
    const r = await dispatch(channel, payload);
    try {
      const bytesField = r.ok ? bytesFieldOf(r.result) : undefined;
      if (r.ok && bytesField) return encodeBinaryResult(id, r.result as Record<string, unknown>, bytesField);
      return JSON.stringify({ type: 'result', id, ...r });
    } catch (err) {
      opts.logger.error({ channel, err: errorName(err) }, 'web bridge: result not serialisable');
      return JSON.stringify({ type: 'result', id, ok: false, error: { code: 'internal', message: INTERNAL } });
    }
  };

  await listen(server, opts.port ?? 0);
  port = (server.address() as { port: number }).port;
  const launchUrl = (t: string) => `http://127.0.0.1:${port}/#bridge=${t}`;
  opts.origins?.record(`http://127.0.0.1:${port}`);
  return {
    port,
    url: launchUrl(sessions.launchToken),
    reissueLaunchUrl: () => launchUrl(sessions.reissue()),
    emit(event, data) {
      if (event === 'session.wiped') opts.origins?.wiped();
      const msg = JSON.stringify({ type: 'event', event, data });
      sockets.forEach((s) => s.send(msg));
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.terminate());
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Listens on loopback; a port in use is a clear error, not a silent move to a new origin. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} is in use — is Callsign already running? Open the link it printed, or start this one ` +
                `with --port <n> (or CALLSIGN_PORT); a different port starts with an empty browser cache.`,
            )
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

const LINK_USED = 'This Callsign link was already used. Open the new link printed in the terminal where Callsign runs.';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  431: 'Request Header Fields Too Large',
};

/** A whole HTTP response in the `{error:{code,message}}` shape, for sockets outside 'request'. */
function rawError(status: number, code: string, message: string): string {
  const body = JSON.stringify({ error: { code, message } });
  return (
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\ncontent-type: application/json\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
  );
}

const INTERNAL = 'Something went wrong in Callsign. Reload the page.';

function rawText(data: RawData): string {
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** The request's id when it has a usable one, else -1 (no call waits for it). */
function wireId(raw: unknown): number {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof raw === 'object' && Number.isSafeInteger(id) ? (id as number) : -1;
}

function readBody(req: IncomingMessage, limit = 4096): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c;
      if (body.length > limit) req.destroy();
    });
    req.on('end', () => resolve(body));
    req.on('error', () => resolve(''));
  });
}
