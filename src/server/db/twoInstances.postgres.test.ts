/**
 * Two server instances on one PostgreSQL — what a load-balanced deployment relies on: every piece
 * of shared state (sync seqs, stored approvals, rate limits, refresh-token chains) lives in the
 * database, not in a process. Two `buildApp`s with their own pools stand in for two processes.
 * Runs only with TEST_DATABASE_URL; uses its own schema, so it can run beside postgres.test.ts.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices, type Services } from '../app.js';
import { deviceChain } from '../approvals/testRecords.testkit.js';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from '../demo/fixtures.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { totpCode } from '../mfa/totp.js';
import { bearer, FAST_SCRYPT, TEST_PASSWORD } from '../testing/createTestApp.js';
import { openPostgres, type PostgresServerDatabase } from './openPostgres.js';

const BASE = process.env.TEST_DATABASE_URL;
const SCHEMA = 'callsign_two_instances';

type Instance = { database: PostgresServerDatabase; services: Services; app: Awaited<ReturnType<typeof buildApp>> };

describe.skipIf(!BASE)('two server instances on one PostgreSQL', () => {
  const instances: Instance[] = [];
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const admin = await openPostgres(BASE!, { max: 1 });
    await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(admin.db);
    await sql`create schema ${sql.id(SCHEMA)}`.execute(admin.db);
    await admin.close();
    for (let i = 0; i < 2; i++) {
      const database = await openPostgres(BASE!, { schema: SCHEMA });
      const services = createServices(database, { scrypt: FAST_SCRYPT });
      if (i === 0) {
        await loadDirectory(services.directory, {
          sites: FIXTURE_SITES,
          profiles: FIXTURE_PROFILES,
          references: FIXTURE_REFERENCES,
          policies: FIXTURE_POLICIES,
        });
        for (const acc of DEMO_ACCOUNTS) await services.users.create({ ...acc, password: TEST_PASSWORD });
      }
      const app = await buildApp({ database, services, logStream: { write: () => undefined } });
      instances.push({ database, services, app });
    }
    [a, b] = instances as [Instance, Instance];
  });

  afterAll(async () => {
    for (const i of instances) {
      await i.app.close();
      await i.database.close();
    }
  });

  const login = (i: Instance, email: string, ip = '127.0.0.1', password = TEST_PASSWORD) =>
    i.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email, password, device: { name: 'Two', platform: 'linux' } },
      remoteAddress: ip,
    });

  it('keeps the sync sequence strictly increasing across both instances, also under concurrent writes', async () => {
    const site = (n: number) => ({ id: `two-site-${n}`, name: `Two ${n}`, companyName: 'Two Co', country: 'US' });
    const writes = await Promise.all(
      Array.from({ length: 30 }, (_, n) => (n % 2 ? a : b).services.directory.upsertSite(site(n))),
    );
    const seqs = writes.map((w) => w.seq);
    expect(new Set(seqs).size).toBe(seqs.length);

    const token = (await login(a, 'tech@callsign.demo')).json().accessToken as string;
    const onB = (
      await b.app.inject({ method: 'GET', url: '/v1/sync?since=0&limit=5000', headers: bearer(token) })
    ).json();
    const synced: number[] = onB.changes.map((c: { seq: number }) => c.seq);
    for (let i = 1; i < synced.length; i++) expect(synced[i]).toBeGreaterThan(synced[i - 1]!);
    expect(synced).toEqual(expect.arrayContaining(seqs));
    expect(onB.more).toBe(false);
    // A sync from A continues exactly where B's page ended.
    const onA = (
      await a.app.inject({ method: 'GET', url: `/v1/sync?since=${onB.seq}`, headers: bearer(token) })
    ).json();
    expect(onA).toMatchObject({ seq: onB.seq, more: false, remaining: 0, changes: [] });
  });

  it('stores an approval record uploaded to both instances once; the second gets the stored result', async () => {
    const session = (await login(a, 'tech@callsign.demo')).json();
    const [record] = await deviceChain(session.deviceId, 1);
    const upload = (i: Instance) =>
      i.app.inject({
        method: 'POST',
        url: '/v1/approvals',
        headers: { ...bearer(session.accessToken), 'idempotency-key': record!.id },
        payload: record!,
      });
    const [first, second] = await Promise.all([upload(a), upload(b)]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 201]);
    expect(second.json()).toEqual(first.json());
    const rows = await a.database.db.selectFrom('approval_records').select('id').where('id', '=', record!.id).execute();
    expect(rows).toHaveLength(1);
    expect(await b.services.audit.list({ type: 'approval.stored' })).toHaveLength(1);
  });

  it('trips the per-minute sign-in limit across instances (per address and per account)', async () => {
    for (let i = 0; i < 10; i++)
      expect((await login(i % 2 ? a : b, `nobody${i}@callsign.demo`, '10.9.0.1', 'wrong')).statusCode).toBe(401);
    const refused = await login(a, 'noc@callsign.demo', '10.9.0.1');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    for (let i = 0; i < 10; i++)
      expect((await login(i % 2 ? a : b, 'supervisor@callsign.demo', `10.9.1.${i}`)).statusCode).toBe(200);
    expect((await login(b, 'SUPERVISOR@callsign.demo', '10.9.2.1')).statusCode).toBe(429);
  });

  it('allows one mfaToken 5 TOTP tries in all, whichever instance each try goes to', async () => {
    const user = (await a.services.users.findByEmail('noc@callsign.demo'))!;
    const { secret } = await a.services.platform.mfa.start(user);
    await a.services.platform.mfa.confirm(user.id, totpCode(secret, Date.now()));
    const { mfaToken } = (await login(b, 'noc@callsign.demo', '10.9.4.1')).json();
    const totp = (i: Instance, code: string) =>
      i.app.inject({ method: 'POST', url: '/v1/auth/totp', payload: { mfaToken, code }, remoteAddress: '10.9.4.1' });
    const wrong = String((Number(totpCode(secret, Date.now())) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all([a, b, a, b, a].map((i) => totp(i, wrong)));
    expect(answers.map((r) => r.json().error.code)).toEqual(Array(5).fill('invalid_code'));
    // Even the right code is refused now: the token's tries are used up across both instances.
    expect((await totp(b, totpCode(secret, Date.now()))).json().error.code).toBe('unauthorized');
  });

  it('revokes the device chain when an old refresh token is reused on the other instance', async () => {
    const first = (await login(a, 'admin@callsign.demo', '10.9.3.1')).json();
    const rotated = await a.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(rotated.statusCode).toBe(200);
    const reuse = await b.app.inject({
      method: 'POST',
      url: '/v1/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(reuse.statusCode).toBe(401);
    // The whole chain is gone: the newest tokens stop working on both instances, and the device is removed.
    for (const i of [a, b]) {
      expect(
        (await i.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(rotated.json().accessToken) })).statusCode,
      ).toBe(401);
    }
    expect(
      (
        await b.app.inject({
          method: 'POST',
          url: '/v1/auth/refresh',
          payload: { refreshToken: rotated.json().refreshToken },
        })
      ).statusCode,
    ).toBe(401);
    expect(await a.services.platform.devices.find(first.deviceId)).toBeUndefined();
  });
});
