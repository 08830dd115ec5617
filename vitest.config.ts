import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Two projects. `unit` is every test (the server's route tests on in-memory SQLite). `postgres`
 * runs the server's route tests again, each on a PostgreSQL schema of its own
 * (src/server/testing/testDatabase.ts) — only when TEST_DATABASE_URL is set, which `npm test` does
 * after scripts/ensure-postgres.sh has found, started or installed Debian's PostgreSQL.
 */
const ROUTE_TESTS = [
  'src/server/**/*Routes.test.ts',
  'src/server/permissions/*.test.ts',
  'src/server/logging/*.test.ts',
  'src/server/mfa/noSecretsInLogs.test.ts',
  'src/server/audit/signInAudit.test.ts',
  'src/server/approvals/PolicyStore.test.ts',
  'src/server/vault/**/*.test.ts',
  // Work shared by every server process through the database (two instances stand in for two).
  'src/server/directory/import/ImportJobs.test.ts',
  'src/server/notify/MailQueue.test.ts',
];

const POSTGRES_PROJECT: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'postgres', include: ROUTE_TESTS, environment: 'node', env: { CALLSIGN_TEST_DB: 'postgres' } },
};

/**
 * The route fuzz campaign (issue 11: 10,000 requests per route, about 440k in all) in a group of its own,
 * after the other tests: with 2 cores Vitest's default is one worker, which would leave a core idle
 * for those minutes; its shards are independent, so here they run side by side.
 */
const FUZZ_TESTS = 'src/server/fuzz/*.test.ts';
const FUZZ_PROJECT: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'fuzz',
    include: [FUZZ_TESTS],
    environment: 'node',
    maxWorkers: Math.min(4, Math.max(2, availableParallelism() - 1)),
    sequence: { groupOrder: 1 },
  },
};

export default defineConfig({
  test: {
    testTimeout: 20000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'scripts/**/*.test.ts',
            'faults/**/*.test.ts',
            'eslint.layers.test.ts',
          ],
          exclude: [...configDefaults.exclude, FUZZ_TESTS],
          environment: 'node',
        },
      },
      FUZZ_PROJECT,
      ...(process.env.TEST_DATABASE_URL ? [POSTGRES_PROJECT] : []),
    ],
  },
});
