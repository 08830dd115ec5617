/**
 * Two real `callsign-server serve` processes on one PostgreSQL, over HTTP — the deployment
 * twoInstances.postgres.test.ts models in one process, here with nothing shared but the database:
 * sign-in on one and refresh on the other, reuse of a rotated refresh token detected across them,
 * one sync sequence for concurrent writes to both, and a lookup on one that finds what the other wrote.
 * Runs only with TEST_DATABASE_URL; uses its own schema (via the URL's `options=-c search_path=…`).
 */
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTs } from '../../../scripts/processes.js';
import { openPostgres } from './openPostgres.js';

const BASE = process.env.TEST_DATABASE_URL;
const SHARED_KEY = randomBytes(32).toString('base64');
const SCHEMA = 'callsign_two_processes';
const PASSWORD = 'two-processes-password';

describe.skipIf(!BASE)('two server processes on one PostgreSQL', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  let a: string;
  let b: string;

  async function serve(): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'callsign-two-'));
    dirs.push(dir);
    const url = `${BASE}${BASE!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${SCHEMA}`)}`;
    const { child, match } = await startTs(
      'src/server/cli/main.ts',
      ['serve', '--demo', '--port', '0', '--data-dir', dir],
      /listening on (http:\/\/\S+)/,
      {
        // Every process on one PostgreSQL shares the server key (TOTP secrets, SMS HMAC; crypto/atRestKey.ts).
        env: { DATABASE_URL: url, CALLSIGN_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', CALLSIGN_VAULT_KEY: SHARED_KEY },
      },
    );
    children.push(child);
    return match[1]!;
  }

  beforeAll(async () => {
    const admin = await openPostgres(BASE!, { max: 1, migrate: false });
    await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(admin.db);
    await sql`create schema ${sql.id(SCHEMA)}`.execute(admin.db);
    await admin.close();
    a = await serve(); // seeds the demo workspace
    b = await serve(); // finds it
  }, 120_000);

  afterAll(() => {
    for (const c of children) c.kill('SIGTERM');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const post = (base: string, path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const get = (base: string, path: string, token: string) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const signIn = async (base: string, email: string) =>
    (await (
      await post(base, '/v1/auth/login', { email, password: PASSWORD, device: { name: 'Two', platform: 'linux' } })
    ).json()) as { accessToken: string; refreshToken: string };

  it('signs in on one process and refreshes on the other; reusing the old refresh token ends the chain on both', async () => {
    const first = await signIn(a, 'tech@callsign.demo');
    const rotated = await post(b, '/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(rotated.status).toBe(200);
    const fresh = (await rotated.json()) as { accessToken: string; refreshToken: string };
    expect((await get(a, '/v1/me', fresh.accessToken)).status).toBe(200);

    expect((await post(a, '/v1/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    for (const base of [a, b]) expect((await get(base, '/v1/me', fresh.accessToken)).status).toBe(401);
    expect((await post(b, '/v1/auth/refresh', { refreshToken: fresh.refreshToken })).status).toBe(401);
  });

  it('gives concurrent writes to both one strictly increasing sync sequence, and a lookup on one finds what the other wrote', async () => {
    const adminA = (await signIn(a, 'admin@callsign.demo')).accessToken;
    const adminB = (await signIn(b, 'admin@callsign.demo')).accessToken;
    const site = (n: number) => ({
      id: `proc-site-${n}`,
      name: `Process ${n}`,
      companyName: 'Two Processes Ltd',
      country: 'US',
      mainPhones: [`+1 312 555 ${String(1000 + n)}`],
    });
    const writes = await Promise.all(
      Array.from({ length: 20 }, (_, n) => post(n % 2 ? a : b, '/v1/admin/sites', site(n), n % 2 ? adminA : adminB)),
    );
    expect(writes.map((w) => w.status)).toEqual(Array(20).fill(201));
    const seqs = (await Promise.all(writes.map((w) => w.json() as Promise<{ seq: number }>))).map((w) => w.seq);
    expect(new Set(seqs).size).toBe(20);

    const tech = (await signIn(b, 'tech@callsign.demo')).accessToken;
    const page = (await (await get(b, `/v1/sync?since=${Math.min(...seqs) - 1}&limit=5000`, tech)).json()) as {
      changes: Array<{ seq: number; id: string }>;
    };
    const synced = page.changes.map((c) => c.seq);
    for (let i = 1; i < synced.length; i++) expect(synced[i]).toBeGreaterThan(synced[i - 1]!);
    expect(synced).toEqual(expect.arrayContaining(seqs));

    // Written through A; B's lookup index catches up within its recheck interval (1 s).
    let found: unknown[] = [];
    for (let i = 0; i < 20 && found.length === 0; i++) {
      found = (
        (await (await get(b, `/v1/lookup?phone=${encodeURIComponent('(312) 555-1001')}`, tech)).json()) as {
          candidates: unknown[];
        }
      ).candidates;
      if (found.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toEqual([expect.objectContaining({ siteId: 'proc-site-1' })]);
  });
});
