/**
 * The web bridge: the main-process services behind a loopback-only HTTP server that serves the built
 * renderer and carries the IPC contract over a WebSocket. Used where the Electron binary is missing
 * and by the Playwright journeys. Rejections get 403 and a log line that never includes the token.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { EventName, Events, Handlers } from '../../shared/ipc/contract.js';
import { createDispatcher } from '../../shared/ipc/dispatch.js';
import { WireRequest } from '../../shared/ipc/wire.js';
import * as guard from './bridgeAuth.js';
import { readStatic } from './staticFiles.js';

export interface WebBridgeOptions {
  handlers: Handlers;
  rendererRoot: string;
  logger: Logger;
  port?: number;
  token?: string;
}

export interface WebBridge {
  url: string;
  port: number;
  emit<E extends EventName>(event: E, data: Events[E]): void;
  close(): Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const token = opts.token ?? guard.newToken();
  const sessions = new Set<string>();
  const sockets = new Set<WebSocket>();
  const dispatch = createDispatcher(opts.handlers, (err, channel) =>
    opts.logger.error({ channel, err: (err as Error)?.name }, 'ipc handler failed'),
  );
  let port = 0;

  const deny = (req: IncomingMessage, res: ServerResponse | undefined, why: string) => {
    // The token is in the body or fragment, never the URL path we log; log only method/path/why.
    opts.logger.warn(
      { method: req.method, path: req.url?.split('?')[0], origin: req.headers.origin, why },
      'web bridge: request denied',
    );
    if (res)
      res
        .writeHead(403, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { code: 'forbidden', message: 'Forbidden' } }));
  };

  const server = createServer(async (req, res) => {
    if (!guard.isAllowedHost(req.headers.host, port)) return deny(req, res, 'host');
    const headers = {
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
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
      if (!offered || !guard.tokensEqual(offered, token)) return deny(req, res, 'token');
      const id = randomBytes(24).toString('base64url');
      sessions.add(id);
      res.writeHead(204, { ...headers, 'set-cookie': guard.sessionCookie(id) }).end();
      return;
    }
    if (req.method !== 'GET') return deny(req, res, 'method');
    const file = await readStatic(opts.rendererRoot, req.url ?? '/');
    if (!file) return void res.writeHead(404, headers).end('Not found');
    res.writeHead(200, { ...headers, 'content-type': file.type }).end(file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const sid = guard.readCookie(req.headers.cookie, guard.SESSION_COOKIE);
    const why = !guard.isAllowedHost(req.headers.host, port)
      ? 'host'
      : !guard.isAllowedOrigin(req.headers.origin, port)
        ? 'origin'
        : !sid || !sessions.has(sid)
          ? 'session'
          : req.url !== '/bridge/ws'
            ? 'path'
            : undefined;
    if (why) {
      deny(req, undefined, why);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', async (data) => {
        const parsed = WireRequest.safeParse(safeJson(String(data)));
        if (!parsed.success) return;
        const { id, channel, payload } = parsed.data;
        const r = await dispatch(channel, payload);
        ws.send(JSON.stringify({ type: 'result', id, ...r }));
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/#bridge=${token}`,
    emit(event, data) {
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
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
