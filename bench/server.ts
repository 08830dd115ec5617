/**
 * `npm run bench:server` — the reference server under load: autocannon with 100 connections for
 * 20 s each against `GET /v1/sync` (pages of 500 from random points of the change log) and
 * `GET /v1/lookup` (random phones in several formats), on a 100k-profile directory in SQLite.
 * Prints a table and writes bench/results/server.json. BENCH_PROFILES / BENCH_SECONDS shrink it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { bulkLoadDirectory } from '../src/server/directory/bulkLoadDirectory.js';
import { UserStore } from '../src/server/auth/UserStore.js';
import { freePort, startTs, writeResult } from './support.js';

const profiles = Number(process.env.BENCH_PROFILES ?? 100_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = 100;
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
  for (let i = 0; i < 120; i++) {
    const r = await fetch(`${base}/v1/lookup?phone=${encodeURIComponent('+1 206 555 0101')}`, { headers });
    if (r.ok && ((await r.json()) as { candidates: unknown[] }).candidates.length) break;
    await new Promise((res) => setTimeout(res, 500));
  }
  const maxSeq = profiles + profiles / 10 + profiles / 5;
  const phones = directory.profiles
    .filter((p) => p.phones[0]?.number.startsWith('+'))
    .slice(0, 2000)
    .map((p) => p.phones[0]!.number);

  const run = (name: string, path: () => string) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections,
          duration: seconds,
          headers,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
      void name;
    });
  const sync = await run('sync', () => `/v1/sync?since=${Math.floor(Math.random() * maxSeq * 0.95)}&limit=500`);
  const lookup = await run(
    'lookup',
    () => `/v1/lookup?phone=${encodeURIComponent(phones[Math.floor(Math.random() * phones.length)]!)}`,
  );

  const row = (r: autocannon.Result) => ({
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  });
  const result = { profiles, connections, seconds, sync: row(sync), lookup: row(lookup) };
  console.log(`\nServer at ${profiles.toLocaleString()} profiles, ${connections} connections, ${seconds} s each`);
  console.table({ 'GET /v1/sync (limit 500)': result.sync, 'GET /v1/lookup': result.lookup });
  writeResult('server', result);
} finally {
  server.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
