/**
 * Test harness: a fresh database (SQLite in memory, or a PostgreSQL schema of its own when the
 * suite runs as its PostgreSQL project — testDatabase.ts) with the demo fixtures and one
 * cheap-to-hash account per role, the app wired as in production, and every log line captured.
 * Tests read stored rows through `t.db` (Kysely) so the same assertions hold on both databases.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../app.js';
import type { ApprovalServiceOptions } from '../approvals/approvalServices.js';
import type { ThrottlePolicy } from '../auth/LoginThrottle.js';
import type { ScryptParams } from '../auth/password.js';
import type { RateLimitPolicy } from '../permissions/rateLimits.js';
import { CompiledQuery, type Kysely } from 'kysely';
import { loadDirectory } from '../bundle/loadDirectory.js';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';
import type { Database } from '../db/schema.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from '../demo/fixtures.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import { ServerKey } from '../crypto/serverKey.js';
import type { CtiStreamOptions } from '../cti/ctiStream.js';
import { SimulatedAgentDriver } from '../vault/drivers/SimulatedAgentDriver.js';
import type { VaultDriverFactory } from '../vault/vaultServices.js';
import { openTestDatabase, testDialect, type TestDialect } from './testDatabase.js';

export const TEST_PASSWORD = 'correct horse battery staple';
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

export interface TestApp {
  app: FastifyInstance;
  database: AnyServerDatabase;
  /** The database's Kysely handle, on either dialect. */
  db: Kysely<Database>;
  dialect: TestDialect;
  services: Services;
  /** Raw JSON log lines written so far. */
  logs: string[];
  /** Raw SQL with `?` placeholders, on either dialect: all rows / the first row. */
  all<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(text: string, ...params: unknown[]): Promise<T | undefined>;
  login(email?: string): Promise<{ accessToken: string; refreshToken: string; deviceId: string }>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    database?: AnyServerDatabase;
    seed?: boolean;
    now?: () => number;
    corsOrigins?: string[];
    approvals?: ApprovalServiceOptions;
    rateLimits?: RateLimitPolicy;
    /** Log level of the captured logs (default `trace`: the no-secrets tests read every line). */
    logLevel?: string;
    /** Sign-in lockout thresholds (default: the server's). */
    throttle?: ThrottlePolicy;
    /** The vault key: a fresh one by default; null tests the no-key 503. */
    serverKey?: ServerKey | null;
    /** Rotation drivers (default: the simulated agent, in memory). */
    vaultDrivers?: VaultDriverFactory;
    vaultCheckoutLimit?: { max: number; windowMs: number };
    /** Reverse-proxy addresses whose X-Forwarded-For is honoured (`serve --trust-proxy`). */
    trustProxy?: readonly string[];
    /** TOTP secrets and SMS HMAC at rest; a fresh random key by default. */
    atRestKey?: ServerKey;
    /** Call stream token re-check and ping intervals (cti/ctiStream.ts). */
    ctiStream?: CtiStreamOptions;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase());
  const services = createServices(database, {
    scrypt: FAST_SCRYPT,
    atRestKey: options.atRestKey ?? ServerKey.generate(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.approvals ? { approvals: options.approvals } : {}),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    serverKey: options.serverKey === undefined ? ServerKey.generate() : options.serverKey,
    vaultDrivers: options.vaultDrivers ?? (() => [new SimulatedAgentDriver(null)]),
  });
  if (options.seed ?? true) {
    const fixtures = {
      sites: FIXTURE_SITES,
      profiles: FIXTURE_PROFILES,
      references: FIXTURE_REFERENCES,
      policies: FIXTURE_POLICIES,
    };
    if (database.sqlite) bulkLoadDirectory(database.sqlite, fixtures, Date.now());
    else await loadDirectory(services.directory, fixtures);
    for (const a of DEMO_ACCOUNTS) {
      if (!(await services.users.findByEmail(a.email))) await services.users.create({ ...a, password: TEST_PASSWORD });
    }
  }
  const logs: string[] = [];
  const app = await buildApp({
    database,
    services,
    version: '9.9.9-test',
    logLevel: options.logLevel ?? 'trace',
    logStream: { write: (line: string) => void logs.push(line) },
    corsOrigins: options.corsOrigins ?? [],
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.vaultCheckoutLimit ? { vaultCheckoutLimit: options.vaultCheckoutLimit } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.ctiStream ? { ctiStream: options.ctiStream } : {}),
  });
  const all = async <T>(text: string, ...params: unknown[]): Promise<T[]> => {
    let n = 0;
    const dialectText = database.sqlite ? text : text.replace(/\?/g, () => `$${++n}`);
    return (await database.db.executeQuery<T>(CompiledQuery.raw(dialectText, params))).rows as T[];
  };
  return {
    app,
    database,
    all,
    get: async (text, ...params) => (await all<never>(text, ...params))[0],
    db: database.db,
    dialect: database.sqlite ? 'sqlite' : testDialect(),
    services,
    logs,
    async login(email = 'tech@callsign.demo') {
      const res = await app.inject({
        method: 'POST',
        url: '/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
      return res.json<{ accessToken: string; refreshToken: string; deviceId: string }>();
    },
    async close() {
      await app.close();
      if (!options.database) await database.close();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
