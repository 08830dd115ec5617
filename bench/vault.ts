/**
 * `npm run bench:vault` — the vault under load: an in-process server (SQLite file, the simulated
 * agent in memory) on loopback, 50 concurrent NOC clients, each its own user cycling over 5 dynamic
 * accounts of its own: check out → check in (which rotates the password in the background) → next
 * account, for 20 s. A check-out refused because that account's rotation is still running
 * (409 rotation_pending) is counted as `busy` and the client moves on; anything else not 201/200 is
 * an error. Writes bench/results/vault.json. BENCH_SECONDS / BENCH_CLIENTS shrink it.
 * The per-user limit (30 check-outs an hour) is raised here: one bench user does hundreds a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp, createServices } from '../src/server/app.js';
import { loadDirectory } from '../src/server/bundle/loadDirectory.js';
import { ServerKey } from '../src/server/crypto/serverKey.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { FIXTURE_SITES } from '../src/server/demo/fixtures.js';
import { SimulatedAgentDriver } from '../src/server/vault/drivers/SimulatedAgentDriver.js';
import { percentiles, printTable, writeResult } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const perClient = 5;
const password = 'bench-Password-1';

const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-vault-'));
const database = await openDatabase(join(dir, 'callsign.sqlite'));
const services = createServices(database, {
  scrypt: { N: 1024, r: 8, p: 1 },
  serverKey: ServerKey.generate(),
  vaultDrivers: () => [new SimulatedAgentDriver(null)],
});
await loadDirectory(services.directory, { sites: FIXTURE_SITES, profiles: [], references: [], policies: [] });
const cipher = services.vault.cipher!;
for (let c = 0; c < clients; c++) {
  await services.users.create({ email: `noc${c}@bench.demo`, name: `NOC ${c}`, role: 'noc', password });
  for (let a = 0; a < perClient; a++)
    await services.vault.credentials.create(
      {
        id: `bench-${c}-${a}`,
        siteId: FIXTURE_SITES[(c + a) % FIXTURE_SITES.length]!.id,
        name: `Bench ${c}/${a}`,
        category: 'server',
        accountType: 'local',
        username: `svc-bench-${c}-${a}`,
        kind: 'dynamic',
        backOfficeAccess: true,
        driver: 'simulated-agent',
        secret: `Bench-Initial-${c}-${a}`,
      },
      cipher,
      'bench',
    );
}
const app = await buildApp({
  database,
  services,
  logLevel: 'warn',
  vaultCheckoutLimit: { max: 1_000_000, windowMs: 3_600_000 },
  rateLimits: { signInPerMinute: 1_000 }, // 50 sign-ins from one loopback address
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

const checkoutMs: number[] = [];
const checkinMs: number[] = [];
let errors = 0;
let busy = 0;
const errorSamples: string[] = [];

async function signIn(c: number): Promise<string> {
  const res = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `noc${c}@bench.demo`, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of noc${c} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function client(c: number, token: string, until: number): Promise<void> {
  const login = { accessToken: token };
  const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
  const body = JSON.stringify({ reason: 'Bench maintenance', ticket: `BENCH-${c}` });
  for (let n = 0; performance.now() < until; n++) {
    const id = `bench-${c}-${n % perClient}`;
    try {
      let t0 = performance.now();
      const res = await fetch(`${base}/v1/credentials/${id}/checkout`, { method: 'POST', headers, body });
      const granted = (await res.json()) as { leaseId?: string; error?: { code: string } };
      if (res.status === 409 && granted.error?.code === 'rotation_pending') {
        busy++;
        continue;
      }
      if (res.status !== 201 || !granted.leaseId) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${res.status} ${JSON.stringify(granted)}`);
        continue;
      }
      checkoutMs.push(performance.now() - t0);
      t0 = performance.now();
      const back = await fetch(`${base}/v1/leases/${granted.leaseId}/checkin`, {
        method: 'POST',
        headers: { authorization: headers.authorization },
      });
      await back.arrayBuffer();
      if (back.status !== 200) {
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`checkin ${back.status}`);
        continue;
      }
      checkinMs.push(performance.now() - t0);
    } catch (e) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(e));
    }
  }
}

try {
  const tokens: string[] = [];
  for (let c = 0; c < clients; c++) tokens.push(await signIn(c));
  const until = performance.now() + seconds * 1000;
  await Promise.all(tokens.map((token, c) => client(c, token, until)));
  await services.vault.rotations.settle();
  const rotated = (await services.audit.list({ type: 'credential.rotated', limit: 1_000_000 })).length;
  const failed = (await services.audit.list({ type: 'credential.rotation_failed', limit: 1_000_000 })).length;
  const co = percentiles(checkoutMs);
  const ci = percentiles(checkinMs);
  const f = (x: number) => x.toFixed(1);
  printTable(`vault: ${clients} NOC clients × ${perClient} dynamic accounts, ${seconds} s, loopback, SQLite`, [
    ['check-out', String(co.n), f(co.p50), f(co.p95), f(co.p99)],
    ['check-in', String(ci.n), f(ci.p50), f(ci.p95), f(ci.p99)],
  ]);
  console.log(
    `errors ${errors}, busy (409 rotation_pending, moved on) ${busy}, rotations ${rotated}, failed ${failed}`,
  );
  if (errorSamples.length) console.log('error samples:', errorSamples);
  writeResult('vault', {
    date: new Date().toISOString(),
    clients,
    accountsPerClient: perClient,
    seconds,
    database: 'sqlite',
    checkoutMs: co,
    checkinMs: ci,
    checkoutsPerSecond: Math.round(co.n / seconds),
    errors,
    busy,
    rotations: rotated,
    rotationFailures: failed,
  });
} finally {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
