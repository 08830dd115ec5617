/**
 * Local control channel for screen pops: `callsign lookup …` (CLI) and second instances hand a
 * deep link to the running app over a Unix socket / named pipe in the user's data folder (mode
 * 0600), one JSON line per request. Only `callsign://lookup` links are accepted (parseDeepLink).
 */
import { createConnection, createServer, type Server } from 'node:net';
import { chmodSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseDeepLink, type DeepLink } from '../../shared/deeplink/parseDeepLink.js';

export function controlSocketPath(dataDir: string): string {
  if (process.platform === 'win32')
    return `\\\\.\\pipe\\callsign-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  return join(dataDir, 'callsign.sock');
}

export async function startControlServer(socketPath: string, onLink: (link: DeepLink) => void): Promise<Server> {
  if (process.platform !== 'win32') rmSync(socketPath, { force: true });
  const server = createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      buf += chunk;
      if (buf.length > 4096) return void conn.destroy();
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      let url = '';
      try {
        url = String((JSON.parse(line) as { open?: unknown }).open ?? '');
      } catch {
        /* answered below as an invalid link */
      }
      const r = parseDeepLink(url);
      if (r.ok) onLink(r.link);
      conn.end(JSON.stringify(r.ok ? { ok: true } : { ok: false, message: r.message }) + '\n');
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  if (process.platform !== 'win32') chmodSync(socketPath, 0o600);
  return server;
}

/** What the user is told when the control channel could not start (the app works without it). */
export const SCREEN_POPS_OFF =
  'Screen pops from your phone system (`callsign lookup …`) will not reach this window: Callsign could not open its control channel. Look callers up by typing; restart Callsign to try again.';

/**
 * Starts the control channel; a failure (folder missing, a stale socket owned by someone else, a
 * path too long) is logged with the path and cause and reported to the user, and resolves undefined.
 */
export async function startControlServerReported(
  socketPath: string,
  onLink: (link: DeepLink) => void,
  notify: (message: string) => void,
): Promise<Server | undefined> {
  try {
    return await startControlServer(socketPath, onLink);
  } catch (err) {
    console.error(`Callsign: the control socket ${socketPath} could not start; screen pops are off`, err);
    notify(SCREEN_POPS_OFF);
    return undefined;
  }
}

/** Sends a deep link to the running app. Rejects with a message a person can act on. */
export function sendToRunningApp(
  socketPath: string,
  url: string,
  timeoutMs = 3000,
): Promise<{ ok: boolean; message?: string }> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(socketPath);
    const timer = setTimeout(
      () => (conn.destroy(), reject(new Error('Callsign did not answer. Is it still starting?'))),
      timeoutMs,
    );
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(JSON.stringify({ open: url }) + '\n'));
    conn.on('data', (d: string) => (buf += d));
    conn.on('end', () => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(buf) as { ok: boolean; message?: string });
      } catch {
        reject(new Error('Callsign sent an unreadable answer.'));
      }
    });
    conn.on('error', () => {
      clearTimeout(timer);
      reject(new Error("Callsign isn't running. Start it with `npm start`, then try again."));
    });
  });
}
