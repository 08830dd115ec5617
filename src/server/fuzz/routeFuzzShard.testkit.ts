/**
 * One shard of the route fuzz campaign (issue 11) as a Vitest suite: the routes whose index modulo
 * `of` is `shard`, on an app and database of their own, so shards can run in parallel workers and the
 * rows the campaign writes (audit log, created records) stay bounded by one shard's share.
 *
 * Runs per route: FUZZ_RUNS (default 10,000) signed in as the admin, plus a tenth of that
 * unauthenticated, for routes with a body or query schema; a twentieth of that for routes with
 * neither (only their path parameter, a junk query string and body vary). FUZZ_SEED varies the cases.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';
import { formatResult, fuzzRoute, fuzzRoutes } from '../testing/routeFuzzCampaign.js';

export const FUZZ_SHARDS = 4;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

/** Call with top-level await: the routes to register come from the running app. */
export async function describeRouteFuzzShard(shard: number): Promise<void> {
  // Sign-in limits and lockout raised: the fuzzed login route would otherwise exhaust the loopback
  // address's budget and lock it, and the admin's re-sign-in after a session-ending request would
  // get 429 (limits and lockout have their own tests in rateLimits, LoginThrottle and authRoutes).
  // Logs at `error` only and cleared per route: what a log line may hold is tested by the
  // no-secrets tests, and a campaign's worth of `trace` lines would fill the heap.
  const t: TestApp = await createTestApp({
    logLevel: 'error',
    rateLimits: { signInPerMinute: 1_000_000 },
    throttle: { perAddress: 1_000_000, perAccount: 1_000_000, lockMs: 1, windowMs: 1 },
  });
  await t.app.ready();
  const routes = fuzzRoutes(t.app);
  describe(`route fuzzing, shard ${shard + 1} of ${FUZZ_SHARDS}`, () => {
    const report: string[] = [];
    let total = 0;
    const started = Date.now();
    afterAll(async () => {
      const seconds = (Date.now() - started) / 1000;
      const rss = (process.memoryUsage().rss / 1e6).toFixed(0);
      process.stdout.write(
        `Route fuzzing shard ${shard + 1}/${FUZZ_SHARDS} (seed ${SEED}): ${total} requests in ${seconds.toFixed(1)} s, RSS ${rss} MB\n${report.join('\n')}\n`,
      );
      await t.close();
    });

    it('finds the routes to fuzz in the OpenAPI document', () => {
      expect(routes.filter((r) => r.hasSchema).length).toBeGreaterThan(30);
      expect(routes.length).toBeGreaterThan(50);
    });
    for (const [index, route] of routes.entries()) {
      if (index % FUZZ_SHARDS !== shard) continue;
      const runs = route.hasSchema ? RUNS : Math.ceil(RUNS / 20);
      it(`${route.method} ${route.path}: ${runs} generated requests answered with 2xx or a typed 4xx`, async () => {
        const result = await fuzzRoute(t.app, route, {
          runs,
          seed: SEED + index,
          signIn: async () => (await t.login('admin@callsign.demo')).accessToken,
        });
        t.logs.length = 0;
        total += result.cases;
        report.push(formatResult(route, result));
        expect(result.cases).toBe(runs + Math.ceil(runs / 10));
      }, 900_000);
    }
    it('still answers /v1/health after the campaign', async () => {
      expect(await t.app.inject({ method: 'GET', url: '/v1/health' })).toMatchObject({ statusCode: 200 });
    });
  });
}
