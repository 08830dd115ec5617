/** Shared helpers for benchmarks: percentiles, a results table, processes and a headless Chromium. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort, root, startTs } from '../scripts/processes.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { bulkLoadDirectory } from '../src/server/directory/bulkLoadDirectory.js';
import { UserStore } from '../src/server/auth/UserStore.js';
import type { Page } from '@playwright/test';
import type { BenchHooks } from '../src/renderer/app/benchHooks.js';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentiles(samples: number[], n = samples.length): Percentiles {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  const r = (x: number) => Math.round(x * 10000) / 10000;
  return { n, p50: r(at(0.5)), p95: r(at(0.95)), p99: r(at(0.99)) };
}

export function printTable(title: string, rows: Array<[string, string, string, string, string]>) {
  const head: [string, string, string, string, string] = ['measure', 'n', 'p50 ms', 'p95 ms', 'p99 ms'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

export function writeResult(name: string, data: unknown) {
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results', `${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  console.log(`\nwrote ${file}`);
}

export { freePort, startTs } from '../scripts/processes.js';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

/** A generated directory of `profiles` profiles (sites and references in the lookup bench's ratio). */
export function directorySizes(profiles: number) {
  return { profiles, sites: Math.round(profiles / 10), references: Math.round(profiles / 5) };
}

/**
 * Writes a generated directory (seed 7, the bulk load) and one technician into a fresh server data
 * folder `<dir>/server`, then starts the server and the web bridge on loopback. Resolves with the
 * bench page's URL (`?bench`) and the server's address; everything the server logs is appended to
 * `serverOutput` (one pino JSON line per request, for server-side timing).
 */
export async function startBenchStack(
  dir: string,
  sizes: { profiles: number; sites: number; references: number },
  password: string,
  serverOutput: string[] = [],
) {
  mkdirSync(join(dir, 'server'));
  const database = await openDatabase(join(dir, 'server', 'callsign.sqlite'));
  bulkLoadDirectory(database.sqlite, generateDirectory({ ...sizes, seed: 7 }), Date.now());
  await new UserStore(database.db, Date.now).create({
    email: BENCH_EMAIL,
    name: 'Bench Tech',
    role: 'technician',
    password,
  });
  await database.close();
  const serverPort = await freePort();
  const serverUrl = `http://127.0.0.1:${serverPort}`;
  const server = await startTs(
    'src/server/cli/main.ts',
    ['serve', '--port', String(serverPort), '--data-dir', join(dir, 'server')],
    /listening on http/,
    { output: serverOutput },
  );
  const bridge = await startTs(
    'src/main/bridge/main.ts',
    ['--server-url', serverUrl, '--data-dir', join(dir, 'app'), '--port', '0'],
    /Callsign is running at (\S+)/,
  );
  return { server: server.child, bridge: bridge.child, serverUrl, url: bridge.match[1]!.replace('/#', '/?bench#') };
}

export const BENCH_EMAIL = 'bench@callsign.demo';

/**
 * Valid Irish mobiles (+353 85 555 0xxx): nobody in a generated directory, which has no Irish sites
 * (src/server/demo/countryProfiles.ts). Not Australia's fictional 0491 570 range: the generator
 * gives AU people numbers from 0491 57x, so at 100k some of those "misses" were somebody's number.
 */
export function missNumbers(n: number, from = 0): string[] {
  return Array.from({ length: n }, (_, i) => `+353 85 555 0${String((from + i) % 1000).padStart(3, '0')}`);
}

/**
 * Waits until the server has built (and re-compressed) its sync pages below the head: the state of a
 * server that has been up a while when a hundred desktops start their sync (Monday 8 am). A bench
 * that signs in at once would otherwise time the server's start-up walk beside the desktop's sync.
 */
export async function serverWarmed(serverOutput: string[], timeoutMs = 300_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const line = serverOutput
      .join('')
      .split('\n')
      .find((l) => l.includes('Sync pages warmed'));
    if (line) return (JSON.parse(line) as { ms: number }).ms;
    if (Date.now() - started > timeoutMs) throw new Error('The server did not warm its sync pages in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Signs the bench user in straight against the server (no bridge); resolves with the access token. */
export async function benchSignIn(serverUrl: string, password: string): Promise<string> {
  const res = await fetch(`${serverUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/**
 * What a first sync moves over the network: every page from since=0, as the desktop asks for them
 * (limit 5000, `accept-encoding: br, gzip`), signed in as the bench user. `wire`: the bytes as sent
 * (compressed); `text`: the JSON once decoded (what main hands on to the sync worker).
 */
export async function firstSyncBytes(
  serverUrl: string,
  password: string,
): Promise<{ wire: number; text: number; changes: number }> {
  const accessToken = await benchSignIn(serverUrl, password);
  // node:http, not fetch: fetch decodes the body, and the bytes on the wire are the point.
  const get = (path: string) =>
    new Promise<{ body: Buffer; encoding: string | undefined }>((resolve, reject) => {
      const req = request(`${serverUrl}${path}`, {
        headers: { authorization: `Bearer ${accessToken}`, 'accept-encoding': 'br, gzip' },
      });
      req.on('response', (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ body: Buffer.concat(parts), encoding: res.headers['content-encoding'] }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  let wire = 0;
  let text = 0;
  let changes = 0;
  for (let since = 0, more = true; more;) {
    const { body, encoding } = await get(`/v1/sync?since=${since}&limit=5000`);
    const json = encoding === 'br' ? brotliDecompressSync(body) : encoding === 'gzip' ? gunzipSync(body) : body;
    wire += body.length;
    text += json.length;
    const page = JSON.parse(json.toString('utf8')) as { seq: number; more: boolean; changes: unknown[] };
    changes += page.changes.length;
    more = page.more && page.seq > since;
    since = page.seq;
  }
  return { wire, text, changes };
}

/** The country of `missNumbers` (the changed profiles' phones carry it). */
export const MISS_COUNTRY = 'IE';

/**
 * Resolves once the page's first sync run has ended and its progress bar is gone. Not the bar's
 * absence alone: that also holds before the run has read the cache's state and shown the bar.
 */
export async function firstSyncEnded(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __callsignBench: BenchHooks }).__callsignBench.syncRunsEnded() > 0 &&
      document.querySelectorAll('[data-testid="sync-progress"]').length === 0,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}
