/**
 * `npm run bench:vault` — the vault under load: a server (SQLite file, the simulated agent in
 * memory) in this process on loopback, and 50 concurrent NOC clients in a child process
 * (bench/vaultClients.ts, so they do not compete for this event loop), each its own user cycling
 * over 5 dynamic accounts of its own: check out → check in (which rotates the password in the
 * background) → next account, for 20 s. A check-out refused because that account's rotation is
 * still running (409 rotation_pending) is counted as `busy` and the client moves on; anything else
 * not 201/200 is an error. Also measured: the server's CPU per check-out+check-in cycle (rotation
 * included) under load, and the SQL statements of one check-out, one check-in and one rotation.
 * Writes bench/results/vault.json. BENCH_SECONDS / BENCH_CLIENTS shrink it.
 * The per-user limit (30 check-outs an hour) is raised here: one bench user does hundreds a second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildApp, createServices } from '../src/server/app.js';
import { loadDirectory } from '../src/server/bundle/loadDirectory.js';
import { ServerKey } from '../src/server/crypto/serverKey.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { FIXTURE_SITES } from '../src/server/demo/fixtures.js';
import { SimulatedAgentDriver } from '../src/server/vault/drivers/SimulatedAgentDriver.js';
import { runTs } from '../scripts/processes.js';
import type { Percentiles } from './support.js';
import { printTable, writeResult } from './support.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const clients = Number(process.env.BENCH_CLIENTS ?? 50);
const perClient = 5;
const loadAtStart = loadavg();
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
for (let c = 0; c <= clients; c++) {
  // noc<clients> is not a load client: it measures one cycle's statements after the run
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
  rateLimits: { signInPerMinute: 1_000 }, // 51 sign-ins from one loopback address
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

interface ClientResult {
  checkoutMs: Percentiles;
  checkinMs: Percentiles;
  errors: number;
  busy: number;
  errorSamples: string[];
}

/** Runs the clients' process; the server's CPU is measured from its `start` line to its result. */
async function runClients(): Promise<{ result: ClientResult; cpuMs: number }> {
  const child = runTs('bench/vaultClients.ts', [], {
    BENCH_BASE: base,
    BENCH_SECONDS: String(seconds),
    BENCH_CLIENTS: String(clients),
    BENCH_PER_CLIENT: String(perClient),
    BENCH_PASSWORD: password,
  });
  child.stderr!.on('data', (d: Buffer) => process.stderr.write(d));
  let cpu0: NodeJS.CpuUsage | null = null;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench/vaultClients.ts exited (${code}) without a result`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'start') cpu0 = process.cpuUsage();
      else if (line.startsWith('result ')) {
        const used = process.cpuUsage(cpu0 ?? undefined);
        resolve({ result: JSON.parse(line.slice(7)) as ClientResult, cpuMs: (used.user + used.system) / 1000 });
      } else console.log(line);
    });
  });
}

/** SQL statements run by one request / one rotation (the statement cache counts every query). */
async function statementsOfOneCycle() {
  const count = () => {
    const s = database.statementCache();
    return s.hits + s.misses;
  };
  const post = (path: string, token: string | null, body?: object) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const login = (await (
    await post('/v1/auth/login', null, { email: `noc${clients}@bench.demo`, password })
  ).json()) as {
    accessToken: string;
  };
  await services.vault.rotations.settle();
  let n = count();
  const out = await post(`/v1/credentials/bench-${clients}-0/checkout`, login.accessToken, {
    reason: 'Statement count',
    ticket: 'BENCH-S',
  });
  const { leaseId } = (await out.json()) as { leaseId: string };
  const checkout = count() - n;
  // The rotation the check-in starts runs after the answer (and may interleave with it): counted together.
  n = count();
  const back = await post(`/v1/leases/${leaseId}/checkin`, login.accessToken);
  await back.arrayBuffer();
  await services.vault.rotations.settle();
  const checkinAndRotation = count() - n;
  if (out.status !== 201 || back.status !== 200)
    throw new Error(`statement count cycle failed: ${out.status} ${back.status}`);
  return { checkout, checkinAndRotation };
}

try {
  const { result, cpuMs } = await runClients();
  await services.vault.rotations.settle();
  const statements = await statementsOfOneCycle();
  const rotated = (await services.audit.list({ type: 'credential.rotated', limit: 1_000_000 })).length - 1;
  const failed = (await services.audit.list({ type: 'credential.rotation_failed', limit: 1_000_000 })).length;
  const co = result.checkoutMs;
  const ci = result.checkinMs;
  const f = (x: number) => x.toFixed(1);
  printTable(`vault: ${clients} NOC clients × ${perClient} dynamic accounts, ${seconds} s, loopback, SQLite`, [
    ['check-out', String(co.n), f(co.p50), f(co.p95), f(co.p99)],
    ['check-in', String(ci.n), f(ci.p50), f(ci.p95), f(ci.p99)],
  ]);
  const cpuPerCycle = co.n ? cpuMs / co.n : NaN;
  console.log(
    `errors ${result.errors}, busy (409 rotation_pending, moved on) ${result.busy}, rotations ${rotated}, failed ${failed}\n` +
      `server CPU ${f(cpuPerCycle)} ms per check-out + check-in + rotation; SQL statements: check-out ${statements.checkout}, ` +
      `check-in + rotation ${statements.checkinAndRotation}; load average at start ${loadAtStart.map(f).join(' ')} on ${availableParallelism()} CPUs`,
  );
  if (result.errorSamples.length) console.log('error samples:', result.errorSamples);
  writeResult('vault', {
    date: new Date().toISOString(),
    clients,
    accountsPerClient: perClient,
    seconds,
    database: 'sqlite',
    clientsIn: 'child process (bench/vaultClients.ts), keep-alive loopback HTTP',
    cpus: availableParallelism(),
    loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
    checkoutMs: co,
    checkinMs: ci,
    checkoutsPerSecond: Math.round(co.n / seconds),
    cyclesPerSecond: Math.round(ci.n / seconds),
    serverCpuMsPerCycle: Math.round(cpuPerCycle * 100) / 100,
    sqlStatements: statements,
    errors: result.errors,
    busy: result.busy,
    rotations: rotated,
    rotationFailures: failed,
  });
} finally {
  await app.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
