/**
 * Test support for the web bridge: a bridge over the real main services (fake server URL), a raw
 * HTTP/1.1 client (fetch refuses to send malformed request lines, which is what we need to send),
 * and a WebSocket opened with a valid session.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import WebSocket from 'ws';
import { createMainServices } from '../../services/createMainServices.js';
import { MemorySecretStore } from '../../services/secretStore.js';
import { MemorySettingsStore } from '../../services/settingsStore.js';
import { startWebBridge, type WebBridge, type WebBridgeOptions } from '../webBridge.js';
import type { Handlers } from '../../../shared/ipc/contract.js';

export const TEST_TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

export function rendererFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'cs-bridge-'));
  writeFileSync(join(root, 'index.html'), '<html>callsign</html>');
  return root;
}

/** A bridge over the real main services; `override` replaces some of their handlers. */
export async function startTestBridge(extra: Partial<WebBridgeOptions> = {}, override: Partial<Handlers> = {}) {
  const log: string[] = [];
  const { handlers } = createMainServices({
    secrets: new MemorySecretStore(),
    settings: new MemorySettingsStore(),
    defaultServerUrl: 'http://127.0.0.1:9',
    shell: 'web-bridge',
    version: 'test',
    fetchImpl: async () => new Response(null, { status: 503 }),
  });
  const sink = new Writable({ write: (c, _e, cb) => (log.push(String(c)), cb()) });
  const bridge = await startWebBridge({
    handlers: { ...handlers, ...override },
    rendererRoot: rendererFolder(),
    logger: pino(sink),
    token: TEST_TOKEN,
    port: 0,
    ...extra,
  });
  return { bridge, log };
}

/** Sends raw bytes and resolves with the status line's code (0 if the connection closed without one). */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  timeoutMs = 2000,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    let text = '';
    const s = connect(port, '127.0.0.1', () => s.write(bytes));
    const done = () => {
      clearTimeout(timer);
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : 0, text });
    };
    const timer = setTimeout(() => (s.destroy(), done()), timeoutMs);
    s.on('data', (d) => (text += String(d)));
    s.on('close', done);
    s.on('error', () => undefined); // a reset is an answer too (status 0); the test checks the server stays up
  });
}

export function rawGet(port: number, path: string, headers: Record<string, string> = {}) {
  const h = Object.entries({ host: `127.0.0.1:${port}`, connection: 'close', ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return rawRequest(port, `GET ${path} HTTP/1.1\r\n${h}\r\n`);
}

export async function sessionCookieFor(bridge: WebBridge): Promise<string> {
  const base = `http://127.0.0.1:${bridge.port}`;
  const res = await fetch(`${base}/bridge/session`, {
    method: 'POST',
    headers: { origin: base, 'content-type': 'application/json' },
    body: JSON.stringify({ token: TEST_TOKEN }),
  });
  if (res.status !== 204) throw new Error(`session exchange failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

export function openSocket(bridge: WebBridge, cookie: string): Promise<WebSocket> {
  const base = `http://127.0.0.1:${bridge.port}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${bridge.port}/bridge/ws`, { headers: { origin: base, cookie } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}
