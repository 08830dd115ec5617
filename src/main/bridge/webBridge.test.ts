import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { request } from 'node:http';
import pino from 'pino';
import WebSocket from 'ws';
import { startWebBridge, type WebBridge } from './webBridge.js';
import { createMainServices } from '../services/createMainServices.js';
import { MemorySecretStore } from '../services/secretStore.js';
import { MemorySettingsStore } from '../services/settingsStore.js';
import { decodeBinaryResult } from '../../shared/ipc/binaryFrame.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import { openSocket, sessionCookieFor, startTestBridge } from './testing/bridge.testkit.js';

let bridge: WebBridge;
let log = '';
const token = 'test-token-0123456789abcdefghijklmnopqrstuv';

beforeEach(async () => {
  log = '';
  const root = mkdtempSync(join(tmpdir(), 'cs-bridge-'));
  writeFileSync(join(root, 'index.html'), '<html>callsign</html>');
  const { handlers } = createMainServices({
    secrets: new MemorySecretStore(),
    settings: new MemorySettingsStore(),
    defaultServerUrl: 'http://127.0.0.1:9',
    shell: 'web-bridge',
    version: 'test',
  });
  const sink = new Writable({ write: (c, _e, cb) => ((log += String(c)), cb()) });
  bridge = await startWebBridge({ handlers, rendererRoot: root, logger: pino(sink), token });
});
afterEach(() => bridge.close());

const base = () => `http://127.0.0.1:${bridge.port}`;

async function session(origin = base(), t = token) {
  return fetch(`${base()}/bridge/session`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ token: t }),
  });
}

function connect(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/bridge/ws`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

describe('web bridge', () => {
  it('serves the renderer with a CSP and prints a URL carrying the token in the fragment', async () => {
    const res = await fetch(base() + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    // Cross-origin isolated (fine-grained timers for bench:lookup).
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(bridge.url).toBe(`${base()}/#bridge=${token}`);
  });

  it('refuses path traversal', async () => {
    const res = await fetch(base() + '/..%2f..%2fetc%2fpasswd.txt');
    expect(res.status).toBe(404);
  });

  it('exchanges the token for an HttpOnly cookie and carries the contract over the socket', async () => {
    const res = await session();
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain(token);
    const ws = await connect({ origin: base(), cookie: cookie.split(';')[0]! });
    const reply = new Promise<unknown>((r) => ws.once('message', (d) => r(JSON.parse(String(d)))));
    ws.send(JSON.stringify({ id: 1, channel: 'app.info', payload: {} }));
    expect(await reply).toMatchObject({ type: 'result', id: 1, ok: true, result: { shell: 'web-bridge' } });
    ws.close();
  });

  it('sends a result holding bytes as one binary frame, which the renderer client reads back unchanged', async () => {
    // A page of 2 MB with quotes and non-ASCII names: in a JSON envelope each `"` was escaped.
    const page = new TextEncoder().encode(JSON.stringify({ seq: 9, names: Array(40_000).fill('Zoë "Z" 東京') }));
    const pullBytes: Handlers['sync.pullBytes'] = async ({ since }) => ({
      seq: since + 1,
      more: false,
      remaining: 0,
      count: 1,
      bytes: page,
    });
    const { bridge: own } = await startTestBridge({}, { 'sync.pullBytes': pullBytes });
    try {
      const ws = await openSocket(own, await sessionCookieFor(own));
      ws.binaryType = 'arraybuffer'; // as the renderer's client sets it (bridgeSocket.ts)
      const next = () =>
        new Promise<{ data: unknown; isBinary: boolean }>((r) =>
          ws.once('message', (data, isBinary) => r({ data, isBinary })),
        );
      let reply = next();
      ws.send(JSON.stringify({ id: 4, channel: 'sync.pullBytes', payload: { since: 8, limit: 5000 } }));
      const frame = await reply;
      expect(frame.isBinary).toBe(true);
      const message = decodeBinaryResult(frame.data as ArrayBuffer);
      expect(message).toMatchObject({ type: 'result', id: 4, ok: true, result: { seq: 9, more: false, count: 1 } });
      expect((message as { result: { bytes: Uint8Array } }).result.bytes).toEqual(page);
      // Everything else still travels as JSON text.
      reply = next();
      ws.send(JSON.stringify({ id: 5, channel: 'app.info', payload: {} }));
      expect((await reply).isBinary).toBe(false);
      ws.close();
    } finally {
      await own.close();
    }
  });

  it('denies a wrong token, a foreign origin and a socket without a session — with 403, logged without the token', async () => {
    expect((await session(base(), 'wrong')).status).toBe(403);
    expect((await session('http://evil.example', token)).status).toBe(403);
    await expect(connect({ origin: base() })).rejects.toThrow('403');
    const ok = await session();
    await expect(
      connect({ origin: 'http://evil.example', cookie: ok.headers.get('set-cookie')!.split(';')[0]! }),
    ).rejects.toThrow('403');
    expect(log).toContain('request denied');
    expect(log).not.toContain(token);
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    // fetch() may not override Host, so use node:http directly.
    const status = await new Promise<number | undefined>((resolve) =>
      request({ host: '127.0.0.1', port: bridge.port, path: '/', headers: { host: 'rebind.example' } }, (res) =>
        resolve(res.statusCode),
      ).end(),
    );
    expect(status).toBe(403);
  });
});
