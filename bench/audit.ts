/**
 * `npm run bench:audit` — the supervisors' approval review at scale (issue 15): BENCH_RECORDS
 * (default 1,000,000) approval records generated straight into the database (bench/audit/
 * generateApprovals.ts), then 200 filtered-page requests (`GET /v1/approvals`, limit 100, a mix of
 * every filter, a second page by cursor, text in notes with a site) through Fastify `inject`, timed
 * one at a time, after 20 warm-up requests. On SQLite (a file) and — when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set — on PostgreSQL (a schema of its own, dropped after). Target: p95 ≤ 50 ms.
 * Also reported: generation time, CPU per request, the load average. Writes bench/results/audit.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildApp, createServices } from '../src/server/app.js';
import { loadDirectory } from '../src/server/bundle/loadDirectory.js';
import { openDatabase } from '../src/server/db/openDatabase.js';
import { openPostgres } from '../src/server/db/openPostgres.js';
import type { AnyServerDatabase } from '../src/server/db/openServerDatabase.js';
import { demoPolicies } from '../src/server/demo/demoPolicies.js';
import { generateDirectory } from '../src/server/demo/generate.js';
import { ApprovalPage } from '../src/shared/audit/index.js';
import { generateApprovals } from './audit/generateApprovals.js';
import { percentiles, printTable, writeResult, type Percentiles } from './support.js';

const records = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const queries = Number(process.env.BENCH_QUERIES ?? 200);
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const loadAtStart = loadavg();
const DAY = 86_400_000;
const END = Date.UTC(2026, 10, 30);

interface DialectResult {
  database: 'sqlite' | 'postgres';
  records: number;
  generateSeconds: { insert: number; indexes: number };
  pageMs: Percentiles;
  cpuMsPerRequest: number;
  slowest: { query: string; ms: number }[];
  rowsPerPage: number;
}

function queryMix(siteIds: readonly string[], pick: () => number): string[] {
  const site = () => siteIds[Math.floor(pick() * siteIds.length)]!;
  const tech = () => `tech-${String(Math.floor(pick() * 40)).padStart(3, '0')}`;
  const week = () => {
    const from = END - Math.floor(pick() * 358) * DAY;
    return `from=${new Date(from - 7 * DAY).toISOString()}&to=${new Date(from).toISOString()}`;
  };
  const kinds = [
    () => '',
    () => `siteId=${site()}`,
    () => `technicianId=${tech()}`,
    () => `outcome=${['proceed', 'approval_required', 'tier4', 'escalate_partner', 'blocked'][Math.floor(pick() * 5)]}`,
    () => `finalState=${['approved', 'denied', 'cancelled', 'waiting_for_approver'][Math.floor(pick() * 4)]}`,
    () => `action=password.reset`,
    () => `category=permission_change`,
    () => `flagged=true`,
    () => `flag=approver_not_listed`,
    () => `ticket=INC-${100000 + Math.floor(pick() * 900000)}`,
    () => week(),
    () => `siteId=${site()}&outcome=approval_required`,
    () => `technicianId=${tech()}&${week()}`,
    () => `siteId=${site()}&q=payroll`,
    () => `siteId=${site()}&technicianId=${tech()}`,
    () => `sort=time_asc&outcome=tier4`,
  ];
  return Array.from({ length: queries }, () => kinds[Math.floor(pick() * kinds.length)]!());
}

async function run(database: AnyServerDatabase, label: 'sqlite' | 'postgres'): Promise<DialectResult> {
  const services = createServices(database, { scrypt: { N: 1024, r: 8, p: 1 } });
  const directory = generateDirectory({ sites: 50, profiles: 0, references: 0, seed: 'callsign-bench-audit' });
  await loadDirectory(services.directory, {
    sites: directory.sites,
    profiles: [],
    references: [],
    policies: demoPolicies(directory, 'callsign-bench-audit'),
  });
  const siteIds = directory.sites.map((s) => s.id);
  console.log(`${label}: generating ${records.toLocaleString('en-US')} approval records…`);
  const gen = await generateApprovals(database, { count: records, siteIds, technicians: 40, days: 365, end: END });
  console.log(`${label}: inserted in ${gen.insertS.toFixed(1)} s, indexes built in ${gen.indexS.toFixed(1)} s`);
  await services.users.create({
    email: 'sup@bench.demo',
    name: 'Bench Supervisor',
    role: 'supervisor',
    password: 'bench-Password-1',
  });
  const app = await buildApp({ database, services, logLevel: 'warn', corsOrigins: [] });
  const login = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email: 'sup@bench.demo', password: 'bench-Password-1' },
  });
  const headers = { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
  let seed = 7;
  const pick = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const mix = queryMix(siteIds, pick);
  const page = async (query: string) => {
    const res = await app.inject({ method: 'GET', url: `/v1/approvals?limit=100&${query}`, headers });
    if (res.statusCode !== 200) throw new Error(`${query} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    return ApprovalPage.parse(res.json());
  };
  for (const q of mix.slice(0, 20)) await page(q); // warm-up: statement caches, page cache
  const samples: number[] = [];
  const timed: { query: string; ms: number }[] = [];
  let rows = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < mix.length; i++) {
    // Every fifth request reads the second page of the one before (keyset cursor).
    let query = mix[i]!;
    if (i % 5 === 4) {
      const first = await page(mix[i - 1]!);
      if (first.nextCursor) query = `${mix[i - 1]}&cursor=${first.nextCursor}`;
    }
    const t0 = performance.now();
    const p = await page(query);
    const ms = performance.now() - t0;
    samples.push(ms);
    timed.push({ query, ms: Math.round(ms * 100) / 100 });
    rows += p.items.length;
  }
  const cpu = process.cpuUsage(cpu0);
  await app.close();
  return {
    database: label,
    records,
    generateSeconds: { insert: Math.round(gen.insertS * 10) / 10, indexes: Math.round(gen.indexS * 10) / 10 },
    pageMs: percentiles(samples),
    // Includes the extra first-page requests for cursor pages (counted in the denominator too).
    cpuMsPerRequest:
      Math.round(((cpu.user + cpu.system) / 1000 / (mix.length + Math.floor(mix.length / 5))) * 100) / 100,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 5),
    rowsPerPage: Math.round(rows / mix.length),
  };
}

const results: DialectResult[] = [];
const dir = mkdtempSync(join(tmpdir(), 'callsign-bench-audit-'));
try {
  const sqlite = await openDatabase(join(dir, 'callsign.sqlite'));
  results.push(await run(sqlite, 'sqlite'));
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (pgUrl) {
  const schema = `bench_audit_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(pgUrl, { max: 1, migrate: false });
  await sql`create schema ${sql.id(schema)}`.execute(admin.db);
  try {
    const pg = await openPostgres(pgUrl, { schema, max: 4 });
    results.push(await run(pg, 'postgres'));
    await pg.close();
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await admin.close();
  }
} else console.log('\nPostgreSQL skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to include it.');

printTable(
  `GET /v1/approvals, filtered page of 100, ${records.toLocaleString('en-US')} records (target p95 ≤ 50 ms)`,
  results.map((r) => [
    r.database,
    String(r.pageMs.n),
    String(r.pageMs.p50),
    String(r.pageMs.p95),
    String(r.pageMs.p99),
  ]),
);
writeResult('audit', {
  date: new Date().toISOString(),
  records,
  queries,
  cpus: availableParallelism(),
  loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  targetP95Ms: 50,
  results,
});
