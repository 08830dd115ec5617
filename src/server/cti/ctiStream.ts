/**
 * The desktop's call stream: a WebSocket at `/v1/cti/stream`, opened by main with the signed-in
 * user's access token in `Authorization: Bearer` (never in the URL). Each message is a `CallPush`
 * (shared/api/cti.ts) for a call mapped to that user. The token is checked again every
 * `recheckMs`: once it has expired or was revoked the socket closes with 4001, and the client
 * refreshes its token and reconnects. A plain HTTP upgrade, not a Fastify route: a never-ending
 * response would hang `inject`-based tests, and the role walk covers the HTTP routes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { AppError } from '../../shared/api/index.js';
import { hasPermission } from '../../shared/auth/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { CallHub } from './CallHub.js';

export const CTI_STREAM_PATH = '/v1/cti/stream';
/** Close code: the access token is no longer valid; refresh it and reconnect. */
export const CLOSE_TOKEN_EXPIRED = 4001;

export interface CtiStreamOptions {
  recheckMs?: number;
  pingMs?: number;
}

function refuse(socket: Duplex, status: 401 | 403 | 404, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function bearer(req: IncomingMessage): string | undefined {
  const match = req.headers.authorization ? /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization) : null;
  return match?.[1];
}

export function attachCtiStream(
  app: FastifyInstance,
  deps: { auth: AuthService; hub: CallHub },
  options: CtiStreamOptions = {},
): void {
  const recheckMs = options.recheckMs ?? 60_000;
  const pingMs = options.pingMs ?? 25_000;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const log: FastifyBaseLogger = app.log;

  app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== CTI_STREAM_PATH) return refuse(socket, 404, 'not_found', 'No WebSocket here.');
    const token = bearer(req);
    deps.auth.authenticate(token).then(
      (principal) => {
        if (!hasPermission(principal.user.role, 'directory.read'))
          return refuse(socket, 403, 'forbidden', 'Your role cannot receive calls.');
        wss.handleUpgrade(req, socket, head, (ws) => serve(ws, principal.user.id, token!));
      },
      (err: unknown) => {
        const code = err instanceof AppError ? err.code : 'unauthorized';
        if (!(err instanceof AppError)) log.error({ err }, 'CTI stream: authentication failed unexpectedly');
        refuse(socket, 401, code, 'Your access token has expired or was revoked. Refresh it and reconnect.');
      },
    );
  });

  function serve(ws: WebSocket, userId: string, token: string): void {
    const unsubscribe = deps.hub.subscribe(userId, (push) => ws.send(JSON.stringify(push)));
    let alive = true;
    ws.on('pong', () => (alive = true));
    const ping = setInterval(() => {
      if (!alive) return ws.terminate(); // no pong since the last ping: the connection is dead
      alive = false;
      ws.ping();
    }, pingMs);
    const recheck = setInterval(() => {
      deps.auth.authenticate(token).catch((err: unknown) => {
        if (!(err instanceof AppError)) log.error({ err }, 'CTI stream: token re-check failed; closing the stream');
        ws.close(CLOSE_TOKEN_EXPIRED, 'token expired');
      });
    }, recheckMs);
    ws.on('close', () => {
      clearInterval(ping);
      clearInterval(recheck);
      unsubscribe();
    });
    ws.on('error', (err) => log.warn({ err }, 'CTI stream: socket error'));
  }

  // preClose, not onClose: server.close() waits for every socket, upgraded ones included.
  app.addHook('preClose', async () => {
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  });
}
