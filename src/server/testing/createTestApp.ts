/**
 * Test harness: an in-memory database with the demo fixtures and one cheap-to-hash account per
 * role, the app wired as in production, and every log line captured for inspection.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, createServices, type Services } from '../app.js';
import type { ApprovalServiceOptions } from '../approvals/approvalServices.js';
import type { ScryptParams } from '../auth/password.js';
import type { RateLimitPolicy } from '../permissions/rateLimits.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from '../demo/fixtures.js';
import { DEMO_ACCOUNTS } from '../demo/seedDemoWorkspace.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';

export const TEST_PASSWORD = 'correct horse battery staple';
export const FAST_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

export interface TestApp {
  app: FastifyInstance;
  database: ServerDatabase;
  services: Services;
  /** Raw JSON log lines written so far. */
  logs: string[];
  login(email?: string): Promise<{ accessToken: string; refreshToken: string; deviceId: string }>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: { database?: ServerDatabase; seed?: boolean; now?: () => number; corsOrigins?: string[]; approvals?: ApprovalServiceOptions; rateLimits?: RateLimitPolicy } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openDatabase(':memory:'));
  const services = createServices(database, { scrypt: FAST_SCRYPT, ...(options.now ? { now: options.now } : {}), ...(options.approvals ? { approvals: options.approvals } : {}) });
  if (options.seed ?? true) {
    bulkLoadDirectory(database.sqlite, { sites: FIXTURE_SITES, profiles: FIXTURE_PROFILES, references: FIXTURE_REFERENCES, policies: FIXTURE_POLICIES }, Date.now());
    for (const a of DEMO_ACCOUNTS) {
      if (!(await services.users.findByEmail(a.email))) await services.users.create({ ...a, password: TEST_PASSWORD });
    }
  }
  const logs: string[] = [];
  const app = await buildApp({
    database,
    services,
    version: '9.9.9-test',
    logLevel: 'trace',
    logStream: { write: (line: string) => void logs.push(line) },
    corsOrigins: options.corsOrigins ?? [],
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  return {
    app,
    database,
    services,
    logs,
    async login(email = 'tech@callsign.demo') {
      const res = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
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
