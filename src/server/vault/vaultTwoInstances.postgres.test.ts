/**
 * Two server instances on one PostgreSQL schema (two pools, two schedulers — what two processes
 * behind a load balancer share): each ended lease is ended and rotated exactly once, and a dynamic
 * account is checked out by exactly one of many concurrent callers spread over both instances.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createServices, type Services } from '../app.js';
import { ServerKey } from '../crypto/serverKey.js';
import { openPostgres, type PostgresServerDatabase } from '../db/openPostgres.js';
import { loadDirectory } from '../bundle/loadDirectory.js';
import { FIXTURE_SITES } from '../demo/fixtures.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { bearer, FAST_SCRYPT, TEST_PASSWORD } from '../testing/createTestApp.js';
import { account, checkoutBody, FakeTargetDriver } from './testing/vaultTestkit.js';

const BASE = process.env.TEST_DATABASE_URL;
const SCHEMA = `vault_two_${randomBytes(4).toString('hex')}`;

type Instance = {
  database: PostgresServerDatabase;
  services: Services;
  app: Awaited<ReturnType<typeof buildApp>>;
  driver: FakeTargetDriver;
};

describe.skipIf(!BASE)('vault on two server instances on one PostgreSQL', () => {
  const instances: Instance[] = [];
  const target = new FakeTargetDriver();
  const key = ServerKey.generate();
  let clock = Date.now();
  const now = () => clock;

  beforeAll(async () => {
    const admin = await openPostgres(BASE!, { max: 1 });
    await sql`create schema ${sql.id(SCHEMA)}`.execute(admin.db);
    await admin.close();
    for (let i = 0; i < 2; i++) {
      const database = await openPostgres(BASE!, { schema: SCHEMA });
      const driver = new FakeTargetDriver(target);
      const services = createServices(database, {
        scrypt: FAST_SCRYPT,
        now,
        serverKey: key,
        vaultDrivers: () => [driver],
      });
      if (i === 0) {
        await loadDirectory(services.directory, { sites: FIXTURE_SITES, profiles: [], references: [], policies: [] });
        for (const acc of DEMO_ACCOUNTS) await services.users.create({ ...acc, password: TEST_PASSWORD });
      }
      const app = await buildApp({
        database,
        services,
        logStream: { write: () => undefined },
        vaultCheckoutLimit: { max: 10_000, windowMs: 3_600_000 },
      });
      instances.push({ database, services, app, driver });
    }
  });

  afterAll(async () => {
    for (const i of instances) {
      await i.app.close();
      await i.database.close();
    }
    const admin = await openPostgres(BASE!, { max: 1 });
    await sql`drop schema if exists ${sql.id(SCHEMA)} cascade`.execute(admin.db);
    await admin.close();
  });

  const login = async (i: Instance, email: string) =>
    (await i.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: TEST_PASSWORD } })).json<{
      accessToken: string;
    }>().accessToken;

  it('rotates each ended lease exactly once, with both schedulers sweeping at the same time', async () => {
    const [a, b] = instances as [Instance, Instance];
    const admin = await login(a, 'admin@callsign.demo');
    const noc = await login(b, 'noc@callsign.demo');
    const ids: string[] = [];
    for (let n = 0; n < 12; n++) {
      const res = await a.app.inject({
        method: 'POST',
        url: '/v1/admin/credentials',
        headers: bearer(admin),
        payload: account({ username: `svc-two-${n}`, secret: `Two-Secret-${n}` }),
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
      target.passwords.set(res.json().id, `Two-Secret-${n}`);
      const co = await (n % 2 ? a : b).app.inject({
        method: 'POST',
        url: `/v1/credentials/${res.json().id}/checkout`,
        headers: bearer(noc),
        payload: checkoutBody(),
      });
      expect(co.statusCode, co.body).toBe(201);
    }
    clock += 3 * 60_000 + 1;
    const results = await Promise.all([
      a.services.vault.scheduler.sweep(),
      b.services.vault.scheduler.sweep(),
      a.services.vault.rotations.rotate(ids[0]!),
      b.services.vault.rotations.rotate(ids[0]!),
    ]);
    await Promise.all(instances.map((i) => i.services.vault.rotations.settle()));
    await Promise.all(instances.map((i) => i.services.vault.scheduler.sweep()));
    const [ra, rb] = results;
    expect(ra.expired + rb.expired).toBe(12);

    const sets = [...a.driver.sets, ...b.driver.sets].map((s) => s.credentialId);
    expect(sets.sort()).toEqual([...ids].sort());
    const events = await a.services.audit.list({ limit: 10_000 });
    for (const id of ids) {
      const types = events.filter((e) => e.subject === id).map((e) => e.type);
      expect(
        types.filter((x) => x === 'credential.expired'),
        id,
      ).toHaveLength(1);
      expect(
        types.filter((x) => x === 'credential.rotated'),
        id,
      ).toHaveLength(1);
    }
    expect(await a.services.audit.verify()).toBeNull(); // the audit chain stayed intact under both writers
  });

  it('lets exactly one of many concurrent check-outs over both instances win', async () => {
    const [a, b] = instances as [Instance, Instance];
    const admin = await login(a, 'admin@callsign.demo');
    const tokens = [await login(a, 'noc@callsign.demo'), await login(b, 'supervisor@callsign.demo')];
    const res = await b.app.inject({
      method: 'POST',
      url: '/v1/admin/credentials',
      headers: bearer(admin),
      payload: account({ username: 'svc-two-race' }),
    });
    const id = res.json().id as string;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        (n % 2 ? a : b).app.inject({
          method: 'POST',
          url: `/v1/credentials/${id}/checkout`,
          headers: bearer(tokens[n % 2]!),
          payload: checkoutBody(),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(29);
  });
});
