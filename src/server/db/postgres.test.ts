/**
 * The same server on PostgreSQL. Runs only when TEST_DATABASE_URL points at a database this test
 * may wipe (its `public` schema is dropped and recreated), e.g.
 *   TEST_DATABASE_URL=postgres://callsign:…@127.0.0.1/callsign_test npx vitest run src/server/db/postgres.test.ts
 */
import { ServerKey } from '../crypto/serverKey.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { SessionTokens } from '../../shared/auth/index.js';
import { buildApp, createServices } from '../app.js';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { runCli } from '../cli/runCli.js';
import { serveCommand } from '../cli/serveCommand.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from '../demo/fixtures.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import { totpCode } from '../mfa/totp.js';
import { bearer, FAST_SCRYPT, TEST_PASSWORD } from '../testing/createTestApp.js';
import { openDatabase } from './openDatabase.js';
import { openPostgres, type PostgresServerDatabase } from './openPostgres.js';

const URL = process.env.TEST_DATABASE_URL;
const FIXTURES = {
  sites: FIXTURE_SITES,
  profiles: FIXTURE_PROFILES,
  references: FIXTURE_REFERENCES,
  policies: FIXTURE_POLICIES,
};
const opened: PostgresServerDatabase[] = [];

async function freshPostgres(): Promise<PostgresServerDatabase> {
  const admin = await openPostgres(URL!, { max: 1 }).catch(() => null);
  if (admin) {
    await sql`drop schema public cascade`.execute(admin.db);
    await sql`create schema public`.execute(admin.db);
    await admin.close();
  }
  const database = await openPostgres(URL!);
  opened.push(database);
  return database;
}

async function cli(argv: string[]) {
  const out = new PassThrough();
  let o = '';
  out.on('data', (c) => (o += String(c)));
  const code = await runCli(argv, {
    stdin: new PassThrough(),
    stdout: out,
    stderr: new PassThrough(),
    env: { DATABASE_URL: URL },
  });
  return { code, out: o };
}

afterAll(async () => {
  for (const d of opened.splice(0)) await d.close();
});

describe.skipIf(!URL)('PostgreSQL', () => {
  let database: PostgresServerDatabase;
  beforeEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    database = await freshPostgres();
  });

  it('migrates portably (twice is a no-op) with BIGINT read as numbers', async () => {
    const again = await openPostgres(URL!);
    const n = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(again.db);
    expect(n.rows[0]!.n).toBeGreaterThanOrEqual(3);
    expect(typeof n.rows[0]!.n).toBe('number');
    await again.close();
  });

  it('runs the platform: TOTP sign-in, devices, sync, lookup, admin writes, revocation', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    const services = createServices(database, { scrypt: FAST_SCRYPT, now: () => now, atRestKey: ServerKey.generate() });
    await loadDirectory(services.directory, FIXTURES);
    for (const a of DEMO_ACCOUNTS) await services.users.create({ ...a, password: TEST_PASSWORD });
    const app = await buildApp({ database, services, logStream: { write: () => undefined } });
    try {
      const login = async (email: string) =>
        (
          await app.inject({
            method: 'POST',
            url: '/v1/auth/login',
            payload: { email, password: TEST_PASSWORD, device: { name: 'PG box', platform: 'linux' } },
          })
        ).json();
      const tech = SessionTokens.parse(await login('tech@callsign.demo'));
      const enrol = (
        await app.inject({
          method: 'POST',
          url: '/v1/auth/totp/enroll',
          headers: bearer(tech.accessToken),
          payload: { currentPassword: TEST_PASSWORD },
        })
      ).json();
      const confirmed = await app.inject({
        method: 'POST',
        url: '/v1/auth/totp/confirm',
        headers: bearer(tech.accessToken),
        payload: { code: totpCode(enrol.secret, now) },
      });
      expect(confirmed.json().recoveryCodes).toHaveLength(10);
      const challenge = await login('tech@callsign.demo');
      expect(challenge.mfaRequired).toBe(true);
      now += 30_000;
      const signedIn = SessionTokens.parse(
        (
          await app.inject({
            method: 'POST',
            url: '/v1/auth/totp',
            payload: { mfaToken: challenge.mfaToken, code: totpCode(enrol.secret, now) },
          })
        ).json(),
      );

      const sync = (
        await app.inject({ method: 'GET', url: '/v1/sync?since=0&limit=5000', headers: bearer(signedIn.accessToken) })
      ).json();
      expect(sync.changes.length).toBe(
        FIXTURE_SITES.length + FIXTURE_PROFILES.length + FIXTURE_REFERENCES.length + FIXTURE_POLICIES.length,
      );
      const lookup = (
        await app.inject({
          method: 'GET',
          url: '/v1/lookup?phone=%2B12065550101',
          headers: bearer(signedIn.accessToken),
        })
      ).json();
      expect(lookup.candidates[0]).toMatchObject({ profileId: 'prof-dana' });

      const admin = SessionTokens.parse(await login('admin@callsign.demo'));
      const created = await app.inject({
        method: 'POST',
        url: '/v1/admin/sites',
        headers: bearer(admin.accessToken),
        payload: { id: 'site-pg', name: 'PG', companyName: 'PG', country: 'US' },
      });
      expect(created.json().seq).toBe(sync.seq + 1);
      expect(
        (await app.inject({ method: 'GET', url: '/v1/admin/users', headers: bearer(admin.accessToken) })).json().users,
      ).toHaveLength(4);
      expect(
        (
          await app.inject({
            method: 'DELETE',
            url: `/v1/devices/${signedIn.deviceId}`,
            headers: bearer(admin.accessToken),
          })
        ).statusCode,
      ).toBe(204);
      const revoked = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(signedIn.accessToken) });
      expect(revoked.json().error.code).toBe('device_revoked');
      expect((await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(tech.accessToken) })).statusCode).toBe(
        200,
      );
      expect(await services.audit.verify()).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('serve refuses PostgreSQL without a configured key (processes must share it), saying how to set one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-pg-nokey-'));
    try {
      const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
      await expect(
        serveCommand(['--port', '0', '--data-dir', dir], { ...io, env: { DATABASE_URL: URL } }),
      ).rejects.toThrow(/every server process needs the same key.*CALLSIGN_VAULT_KEY_FILE/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serve --demo seeds the demo workspace into PostgreSQL and serves it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-pg-serve-'));
    const stop = new AbortController();
    const out = new PassThrough();
    let o = '';
    out.on('data', (c) => (o += String(c)));
    const done = serveCommand(
      ['--demo', '--port', '0', '--data-dir', dir],
      {
        stdin: new PassThrough(),
        stdout: out,
        stderr: new PassThrough(),
        env: {
          DATABASE_URL: URL,
          CALLSIGN_DEMO_PASSWORD: 'pg-demo-pass',
          CALLSIGN_VAULT_KEY: ServerKey.generate().toBase64(),
        },
      },
      stop.signal,
    );
    try {
      for (let i = 0; i < 600 && !o.includes('listening on'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(o).toMatch(/Seeded the demo workspace: \d+ sites, 2\d{3} profiles/);
      const url = /listening on (http:\/\/\S+)/.exec(o)![1]!;
      const res = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@callsign.demo', password: 'pg-demo-pass' }),
      });
      expect(res.status).toBe(200);
    } finally {
      stop.abort();
      await done;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps seqs strictly increasing under concurrent writers', async () => {
    const services = createServices(database, { atRestKey: ServerKey.generate() });
    await loadDirectory(services.directory, { sites: FIXTURE_SITES, profiles: [], references: [] });
    const writes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        services.directory.upsertProfile({
          id: `p${i}`,
          siteId: 'site-northwind',
          firstName: 'P',
          lastName: String(i),
        }),
      ),
    );
    const seqs = writes.map((w) => w.seq).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(40);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => services.audit.append({ type: 'test', actor: 'a', subject: String(i) })),
    );
    expect(await services.audit.verify()).toBeNull();
  });

  it('exports the same bundle bytes as SQLite for the same directory, imports it back as a no-op, and verifies the audit chain', async () => {
    const sqlite = await openDatabase(':memory:');
    bulkLoadDirectory(sqlite.sqlite, FIXTURES, Date.now());
    const fromSqlite = createServices(sqlite, { atRestKey: ServerKey.generate() }).platform.bundles;
    const dir = mkdtempSync(join(tmpdir(), 'cs-pg-'));
    try {
      const file = join(dir, 'b.json');
      const text = await fromSqlite.exportText();
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, text);
      expect((await cli(['import', file])).out).toMatch(/ 0 failed\. Sync seq 0 → \d+/);
      expect((await cli(['export', '-'])).out).toBe(text);
      expect((await cli(['import', file])).out).toMatch(/nothing changed/);
      expect(await cli(['audit', 'verify'])).toMatchObject({
        code: 0,
        out: expect.stringMatching(/^Audit chain intact: 1 entry in postgres(ql)?:\/\/[^ ]*\*\*\*@/),
      });
      await sql`update audit_log set subject = 'tampered' where seq = 1`.execute(database.db);
      expect(await cli(['audit', 'verify'])).toMatchObject({
        code: 1,
        out: expect.stringMatching(/BROKEN at entry #1/),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await sqlite.close();
    }
  });
});
