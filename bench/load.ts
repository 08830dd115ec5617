/**
 * `npm run bench:load` (issue 11) — one server under a help desk's working day, compressed: a real
 * `callsign-server serve` child on a generated directory, and N simulated desktops (default 100),
 * each its own technician account and device, doing for D seconds (default 60) what the app does:
 * sign in, sync the directory from 0 in pages, then look up callers' numbers, upload hash-chained
 * approval records (one chain per device, technician = the signed-in user) and catch up with the
 * directory now and then.
 *
 * Pass criteria: 0 errors (any network failure or non-2xx answer), and the server's stored approval
 * records equal the number acknowledged. Prints p50/p95/p99 per operation; writes bench/results/load.json.
 * Flags (or env): --desktops N (BENCH_DESKTOPS), --seconds S (BENCH_SECONDS), --profiles N
 * (BENCH_PROFILES, default 20,000; 100,000 is the demo-sized directory), --page N (sync page size).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApprovalRecord } from '../src/shared/api/index.js';
import { exampleSite } from '../src/shared/approvals/exampleSite.js';
import { ApprovalRequest, evaluate } from '../src/shared/approvals/index.js';
import { GENESIS_HASH, linkRecord } from '../src/shared/chain/hashChain.js';
import { AuditLog } from '../src/server/audit/AuditLog.js';
import { UserStore } from '../src/server/auth/UserStore.js';
import { newId } from '../src/server/auth/tokens.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { bulkLoadDirectory } from '../src/server/directory/bulkLoadDirectory.js';
import { freePort, percentiles, printTable, startTs, writeResult, type Percentiles } from './support.js';

const { values: flags } = parseArgs({
  options: {
    desktops: { type: 'string' },
    seconds: { type: 'string' },
    profiles: { type: 'string' },
    page: { type: 'string' },
  },
});
const num = (flag: string | undefined, env: string | undefined, fallback: number) => Number(flag ?? env ?? fallback);
const desktops = num(flags.desktops, process.env.BENCH_DESKTOPS, 100);
const seconds = num(flags.seconds, process.env.BENCH_SECONDS, 60);
const profiles = num(flags.profiles, process.env.BENCH_PROFILES, 20_000);
const pageSize = num(flags.page, process.env.BENCH_PAGE, 1000);
const password = 'bench-load-Password-1';
const SITE = 'site-northwind'; // a fixture site, present in every generated directory

// ── Seed: directory + one technician account per desktop (one scrypt hash, reused: seeding only) ──
const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-load-'));
const dataDir = join(dir, 'server');
mkdirSync(dataDir);
const directory = generateDirectory({ sites: profiles / 10, profiles, references: profiles / 5, seed: 23 });
const phones = directory.profiles
  .flatMap((p) => p.phones.map((ph) => ph.number))
  .filter((n) => n.startsWith('+'))
  .slice(0, 5000);
{
  const database = await openDatabase(join(dataDir, 'callsign.sqlite'));
  bulkLoadDirectory(database.sqlite, directory, Date.now());
  const users = new UserStore(database.db, Date.now);
  await users.create({ email: 'load-0@callsign.bench', name: 'Load 0', role: 'technician', password });
  const { password_hash } = (await users.findByEmail('load-0@callsign.bench'))!;
  const insert = database.sqlite.prepare(
    'insert into users (id, email, name, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?)',
  );
  for (let i = 1; i < desktops; i++)
    insert.run(newId('usr'), `load-${i}@callsign.bench`, `Load ${i}`, 'technician', password_hash, Date.now());
  await database.close();
}

// ── Server: a real child process; each desktop signs in from its own address behind a trusted "proxy" ──
const port = await freePort();
const server = await startTs(
  'src/server/cli/main.ts',
  ['serve', '--port', String(port), '--data-dir', dataDir, '--trust-proxy', '127.0.0.1'],
  /listening on http/,
  { env: { LOG_LEVEL: 'warn' } },
);
const base = `http://127.0.0.1:${port}`;

type Op = 'signIn' | 'syncPage' | 'lookup' | 'upload' | 'catchUp';
const latencies: Record<Op, number[]> = { signIn: [], syncPage: [], lookup: [], upload: [], catchUp: [] };
const errors: string[] = [];
let uploaded = 0;

async function call(op: Op, path: string, init: RequestInit & { expect?: number[] } = {}): Promise<unknown> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    latencies[op].push(performance.now() - started);
    if (!(init.expect ?? [200, 201]).includes(res.status)) {
      errors.push(`${op} ${path.split('?')[0]} → ${res.status} ${text.slice(0, 200)}`);
      return undefined;
    }
    return text ? JSON.parse(text) : undefined;
  } catch (e) {
    latencies[op].push(performance.now() - started);
    errors.push(`${op} ${path.split('?')[0]} → ${(e as Error).message}`);
    return undefined;
  }
}

const pick = <T>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function desktop(i: number): Promise<void> {
  const json = { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${i >> 8}.${i & 255}` };
  const session = (await call('signIn', '/v1/auth/login', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      email: `load-${i}@callsign.bench`,
      password,
      device: { name: `Load desktop ${i}`, platform: 'linux' },
    }),
  })) as { accessToken: string; deviceId: string; user: { id: string; name: string } } | undefined;
  if (!session) return;
  const auth = { authorization: `Bearer ${session.accessToken}` };

  let seq = 0;
  // Each desktop works for `seconds` after its first full sync (sign-in is scrypt at the production cost,
  // so 100 sign-ins at once take a while on a small machine; they are timed but not part of the window).
  let endAt = Number.POSITIVE_INFINITY;
  const deadline = () => Date.now() >= endAt;
  const syncFrom = async (op: Op) => {
    for (;;) {
      const page = (await call(op, `/v1/sync?since=${seq}&limit=${pageSize}`, { headers: auth })) as
        { seq: number; more: boolean } | undefined;
      if (!page) return;
      seq = page.seq;
      if (!page.more || deadline()) return;
    }
  };
  await syncFrom('syncPage');
  endAt = Date.now() + seconds * 1000;

  let prevHash = GENESIS_HASH;
  const request = ApprovalRequest.parse({ siteId: SITE, action: 'password.reset', callerProfileId: 'prof-dana' });
  const decision = evaluate(exampleSite(), { ...request, siteId: 'S1' });
  while (!deadline()) {
    const roll = Math.random();
    if (roll < 0.6) {
      await call('lookup', `/v1/lookup?phone=${encodeURIComponent(pick(phones))}`, { headers: auth });
    } else if (roll < 0.95) {
      const record = ApprovalRecord.parse(
        await linkRecord(
          ApprovalRecord.omit({ prevHash: true, hash: true }).parse({
            id: randomUUID(),
            deviceId: session.deviceId,
            siteId: SITE,
            caller: { profileId: 'prof-dana', name: 'Dana Reyes' },
            request,
            decision,
            events: [
              {
                type: 'dialed',
                approver: 'Lee Chan',
                number: '+12065550121',
                result: 'answered',
                at: new Date().toISOString(),
              },
              { type: 'approverDecided', decision: 'approved', note: 'load', at: new Date().toISOString() },
            ],
            technician: { id: session.user.id, name: session.user.name },
            ticket: `T-${i}-${uploaded}`,
            finalState: 'approved',
            createdAt: new Date().toISOString(),
          }),
          prevHash,
        ),
      );
      const stored = await call('upload', '/v1/approvals', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': record.id },
        body: JSON.stringify(record),
      });
      if (stored) {
        uploaded++;
        prevHash = record.hash;
      }
    } else {
      await syncFrom('catchUp');
    }
  }
}

try {
  console.log(
    `Load: ${desktops} desktops × ${seconds} s against one server (${directory.profiles.length.toLocaleString()} profiles, sync pages of ${pageSize})`,
  );
  const started = Date.now();
  await Promise.all(Array.from({ length: desktops }, (_, i) => desktop(i)));
  const elapsed = (Date.now() - started) / 1000;

  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  const database = await openDatabase(join(dataDir, 'callsign.sqlite'));
  const stored = Number(
    (database.sqlite.prepare('select count(*) as n from approval_records').get() as { n: number }).n,
  );
  const auditBroken = await new AuditLog(database.db, Date.now).verifyChain();
  await database.close();

  const ops = Object.fromEntries(
    (Object.keys(latencies) as Op[]).map((op) => [
      op,
      percentiles(latencies[op].map((ms) => Math.round(ms * 10) / 10)),
    ]),
  ) as Record<Op, Percentiles>;
  const total = Object.values(latencies).reduce((n, l) => n + l.length, 0);
  printTable(
    `${total.toLocaleString()} requests in ${elapsed.toFixed(1)} s (${Math.round(total / elapsed)}/s)`,
    (Object.keys(ops) as Op[]).map((op) => [
      op,
      String(ops[op].n),
      String(ops[op].p50),
      String(ops[op].p95),
      String(ops[op].p99),
    ]),
  );
  const pass = errors.length === 0 && stored === uploaded && auditBroken === null;
  console.log(
    `\nerrors: ${errors.length}; approval records acknowledged ${uploaded}, stored ${stored}; audit chain ${auditBroken === null ? 'intact' : `broken at #${auditBroken}`} → ${pass ? 'PASS' : 'FAIL'}`,
  );
  for (const e of errors.slice(0, 20)) console.log(`  ${e}`);
  writeResult('load', {
    desktops,
    seconds,
    profiles: directory.profiles.length,
    syncPageSize: pageSize,
    elapsedSeconds: Math.round(elapsed * 10) / 10,
    requests: total,
    requestsPerSecond: Math.round(total / elapsed),
    errors: errors.length,
    firstErrors: errors.slice(0, 20),
    approvals: { acknowledged: uploaded, stored },
    auditChainIntact: auditBroken === null,
    latencyMs: ops,
    pass,
  });
  if (!pass) process.exitCode = 1;
} finally {
  if (server.child.exitCode === null) server.child.kill();
  rmSync(dir, { recursive: true, force: true });
}
