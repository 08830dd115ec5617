/**
 * `npm run bench:server` — the reference server under load, on a 100k-profile directory in SQLite.
 * The server runs in its own process; this process only generates load (autocannon), so the
 * figures measure the server. Phases of BENCH_SECONDS (20) each:
 * - sync: 100 connections each walking the change log from since=0 to the head in the desktop's
 *   pages (limit 5000, `Accept-Encoding: br, gzip` as its client sends), round and round — a
 *   hundred desktops doing their initial sync at once, as soon as the server answers (its warm-up,
 *   sync/SyncPageWarmer.ts, may still be building pages); latency also by when responses arrived;
 * - lookup: 100 connections of `GET /v1/lookup` (random phones in several formats);
 * - mixed: both at once (100 syncing + 20 looking up).
 * Also the bytes of one initial sync raw, brotli and gzip. Prints a table and writes
 * bench/results/server.json with the load average and CPU count. BENCH_PROFILES shrinks it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { bulkLoadDirectory } from '../src/server/directory/bulkLoadDirectory.js';
import { UserStore } from '../src/server/auth/UserStore.js';
import { freePort, startTs, writeResult } from './support.js';
import { byWindow, load, rawGet, row, treeCpuSeconds } from './serverLoad.js';

const profiles = Number(process.env.BENCH_PROFILES ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = 100;
const pageSize = 5000; // the desktop's SYNC_PAGE_SIZE
const password = 'bench-Password-1';

const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-server-'));
mkdirSync(join(dir, 'server'));
const directory = generateDirectory({ sites: profiles / 10, profiles, references: profiles / 5, seed: 11 });
const database = await openDatabase(join(dir, 'server', 'callsign.sqlite'));
bulkLoadDirectory(database.sqlite, directory, Date.now());
await new UserStore(database.db, Date.now).create({
  email: 'bench@callsign.demo',
  name: 'Bench',
  role: 'technician',
  password,
});
await database.close();

const port = await freePort();
const server = await startTs(
  'src/server/cli/main.ts',
  ['serve', '--port', String(port), '--data-dir', join(dir, 'server')],
  /listening on http/,
  { env: { LOG_LEVEL: 'warn' } },
);
const base = `http://127.0.0.1:${port}`;
try {
  const login = (await (
    await fetch(`${base}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@callsign.demo', password }),
    })
  ).json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${login.accessToken}` };
  // Wait until the server's lookup index has caught up with the generated directory.
  for (let i = 0; i < 240; i++) {
    const r = await fetch(`${base}/v1/lookup?phone=${encodeURIComponent('+1 206 555 0101')}`, { headers });
    if (r.ok && ((await r.json()) as { candidates: unknown[] }).candidates.length) break;
    await new Promise((res) => setTimeout(res, 500));
  }

  // One initial sync as a desktop does it, recording each page's `since` and its bytes per coding.
  const pages: string[] = [];
  const syncBytes = { pages: 0, changes: 0, raw: 0, br: 0, gzip: 0 };
  for (let since = 0, more = true; more;) {
    const path = `/v1/sync?since=${since}&limit=${pageSize}`;
    pages.push(path);
    const raw = await rawGet(base + path, headers);
    const page = JSON.parse(raw.bytes.toString()) as { seq: number; more: boolean; changes: unknown[] };
    syncBytes.pages++;
    syncBytes.changes += page.changes.length;
    syncBytes.raw += raw.bytes.length;
    ({ seq: since, more } = page);
  }
  const desktop = { ...headers, 'accept-encoding': 'br, gzip' };
  const phones = directory.profiles
    .filter((p) => p.phones[0]?.number.startsWith('+'))
    .slice(0, 2000)
    .map((p) => p.phones[0]!.number);
  const lookupPath = () => `/v1/lookup?phone=${encodeURIComponent(phones[Math.floor(Math.random() * phones.length)]!)}`;

  const measured = async <T>(run: () => Promise<T>): Promise<{ result: T; cpu: number }> => {
    const before = treeCpuSeconds(server.child.pid!);
    const result = await run();
    return { result, cpu: treeCpuSeconds(server.child.pid!) - before };
  };
  const loadBefore = loadavg();
  const syncSamples: Array<{ at: number; ms: number }> = [];
  const sync = await measured(() => load(base, connections, seconds, desktop, { fixed: pages }, syncSamples));
  const lookup = await measured(() => load(base, connections, seconds, headers, { random: lookupPath }));
  const mixed = await measured(() =>
    Promise.all([
      load(base, connections, seconds, desktop, { fixed: pages }),
      load(base, 20, seconds, headers, { random: lookupPath }),
    ]),
  );
  // Compressed bytes only now, once the background re-compression has had time to run (a page is
  // first served fast-compressed, ~35% larger).
  const walkBytes = async (coding: string) => {
    let bytes = 0;
    for (const path of pages) {
      const r = await rawGet(base + path, { ...headers, 'accept-encoding': coding });
      if (r.status !== 200) throw new Error(`${path} (${coding}): HTTP ${r.status}`);
      bytes += r.bytes.length;
    }
    return bytes;
  };
  syncBytes.br = await walkBytes('br');
  // Nobody asked for gzip pages yet: the first walk builds them fast; walk until the sizes settle.
  for (let i = 0, last = Infinity; i < 10 && (syncBytes.gzip = await walkBytes('gzip')) < last; i++) {
    last = syncBytes.gzip;
    await new Promise((r) => setTimeout(r, 2000));
  }
  // Server CPU of the mixed phase is shared out by request count.
  const [mixedSync, mixedLookup] = mixed.result as [autocannon.Result, autocannon.Result];
  const mixedTotal = mixedSync.requests.total + mixedLookup.requests.total;
  const result = {
    profiles,
    connections,
    seconds,
    pageSize,
    cpus: cpus().length,
    loadAverage: { before: loadBefore.map((l) => +l.toFixed(2)), after: loadavg().map((l) => +l.toFixed(2)) },
    syncBytes,
    sync: row(sync.result, sync.cpu),
    syncByWindow: byWindow(syncSamples),
    lookup: row(lookup.result, lookup.cpu),
    mixed: {
      sync: row(mixedSync, (mixed.cpu * mixedSync.requests.total) / mixedTotal),
      lookup: row(mixedLookup, (mixed.cpu * mixedLookup.requests.total) / mixedTotal),
    },
  };
  console.log(
    `\nServer at ${profiles.toLocaleString()} profiles, ${seconds} s per phase, ${result.cpus} CPUs, load ${result.loadAverage.before.join(' ')}`,
  );
  console.log(
    `Initial sync: ${syncBytes.pages} pages, ${syncBytes.changes.toLocaleString()} changes; bytes raw ${syncBytes.raw.toLocaleString()}, br ${syncBytes.br.toLocaleString()}, gzip ${syncBytes.gzip.toLocaleString()}`,
  );
  console.table({
    [`sync walk (${connections} conns, limit ${pageSize})`]: result.sync,
    [`lookup (${connections} conns)`]: result.lookup,
    'mixed: sync (100 conns)': result.mixed.sync,
    'mixed: lookup (20 conns)': result.mixed.lookup,
  });
  console.log('Sync walk by when the response arrived (ms):');
  console.table(Object.fromEntries(result.syncByWindow.map(({ window, ...r }) => [window, r])));
  writeResult('server', result);
} finally {
  server.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
