/**
 * Fuzzes every route that has a body or query schema (issue 11): generated requests (schema-shaped
 * values, wrong types, huge and exotic strings, prototype-pollution keys, arbitrary and malformed
 * JSON, wrong content types — testing/fuzzArbitraries.ts) as an admin and unauthenticated, through
 * Fastify's `inject`. Every answer must be 2xx, or a 4xx in the `{ error: { code, message } }` shape;
 * never a 5xx, and the process must not crash.
 *
 * Runs per route: FUZZ_RUNS as admin (plus a tenth of that unauthenticated, where almost everything
 * stops at 401), FUZZ_SEED to vary the cases. `npm test` runs 1,000 per route (≈43k requests, about
 * 90 s here). The review asks for 10,000 per route; `FUZZ_RUNS=10000` currently runs the worker out of
 * heap after about 8 minutes even with logs off — something in the app retains memory per request
 * (not yet found), so that campaign is not part of `npm test`. Cases per schema are printed at the end.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { bodyArb, queryArb, type JsonSchema } from '../testing/fuzzArbitraries.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const BATCH = 50;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
type OpenApi = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

let t: TestApp;
let adminToken = '';
let reLogins = 0;
const report: string[] = [];

beforeAll(async () => {
  // Sign-in limits and lockout raised: the fuzzed login route would otherwise exhaust the loopback
  // address's budget and lock it, and the admin's re-sign-in after a session-ending request would get
  // 429 (limits and lockout have their own tests in rateLimits, LoginThrottle and authRoutes).
  // Logs at `error` only: hundreds of thousands of requests logged at `trace` into the capture array
  // exhausted the heap (what a log line may hold is tested by the no-secrets tests).
  t = await createTestApp({
    logLevel: 'error',
    rateLimits: { signInPerMinute: 1_000_000 },
    throttle: { perAddress: 1_000_000, perAccount: 1_000_000, lockMs: 1, windowMs: 1 },
  });
  adminToken = (await t.login('admin@callsign.demo')).accessToken;
});
afterAll(async () => {
  process.stdout.write(
    `Route fuzzing (${RUNS} admin + ${Math.ceil(RUNS / 10)} unauthenticated requests per route, seed ${SEED}):\n${report.join('\n')}\n`,
  );
  await t?.close();
});

function routesWithSchemas(api: OpenApi) {
  const out: { method: string; path: string; op: OpenApiOperation }[] = [];
  for (const [path, methods] of Object.entries(api.paths))
    for (const [method, op] of Object.entries(methods)) {
      const hasQuery = (op.parameters ?? []).some((p) => p.in === 'query');
      if (op.requestBody || hasQuery) out.push({ method: method.toUpperCase(), path, op });
    }
  return out;
}

function checkAnswer(res: { statusCode: number; body: string }, what: string): void {
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeGreaterThanOrEqual(200);
  expect(res.statusCode, where).toBeLessThan(500);
  expect(res.statusCode >= 300 && res.statusCode < 400, where).toBe(false);
  if (res.statusCode < 400) return;
  let body: unknown;
  expect(() => (body = JSON.parse(res.body)), where).not.toThrow();
  const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
  expect(Object.keys(body as object), where).toEqual(['error']);
  expect(typeof error?.code, where).toBe('string');
  expect(typeof error?.message === 'string' && error.message.length > 0, where).toBe(true);
}

describe('route fuzzing', () => {
  it('answers every generated request to every route with a body or query schema with 2xx or a typed 4xx', async () => {
    await t.app.ready();
    const api = (t.app as unknown as { swagger(): OpenApi }).swagger();
    const resolve = (ref: string) => api.components?.schemas?.[ref.replace('#/components/schemas/', '')] ?? {};
    const routes = routesWithSchemas(api);
    expect(routes.length).toBeGreaterThan(15);
    const started = Date.now();
    let total = 0;
    for (const [index, route] of routes.entries()) {
      const queryParams = (route.op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = route.op.requestBody?.content?.['application/json']?.schema;
      const requestArb = fc.record({
        body: bodySchema ? bodyArb(bodySchema, resolve).map((b) => b as typeof b | undefined) : fc.constant(undefined),
        query:
          queryParams.length > 0
            ? queryArb(queryParams, resolve).map((q) => q as typeof q | undefined)
            : fc.constant(undefined),
        param: fc.oneof(fc.constant('no-such-id'), fc.string({ unit: 'grapheme', maxLength: 30 })),
      });
      const kinds = new Map<string, number>();
      const statuses = new Map<number, number>();
      const unauthenticated = Math.ceil(RUNS / 10);
      const samples = fc.sample(requestArb, { numRuns: RUNS + unauthenticated, seed: SEED + index });
      for (let i = 0; i < samples.length; i += BATCH) {
        await Promise.all(
          samples.slice(i, i + BATCH).map(async (sample, j) => {
            const asAdmin = i + j < RUNS;
            const path = route.path.replace(/\{\w+\}/g, () => encodeURIComponent(sample.param) || 'x');
            const url = sample.query ? `${path}?${sample.query.query}` : path;
            const headers: Record<string, string> = asAdmin ? bearer(adminToken) : {};
            if (sample.body?.contentType !== undefined) headers['content-type'] = sample.body.contentType;
            const kind = `${sample.body?.kind ?? ''}${sample.body && sample.query ? '+' : ''}${sample.query?.kind ?? ''}`;
            kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
            const res = await t.app.inject({
              method: route.method as 'POST',
              url,
              headers,
              ...(sample.body ? { payload: sample.body.payload } : {}),
            });
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            checkAnswer(
              res,
              `${asAdmin ? 'admin' : 'anonymous'} ${route.method} ${url.slice(0, 200)} ${kind} ${sample.body?.contentType ?? ''} ${sample.body?.payload.slice(0, 300) ?? ''}`,
            );
          }),
        );
        t.logs.length = 0;
        // A generated request may end the admin's session (e.g. a role change): sign in again and go on.
        if ((await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(adminToken) })).statusCode === 401) {
          adminToken = (await t.login('admin@callsign.demo')).accessToken;
          reLogins++;
        }
      }
      total += samples.length;
      const fmt = (m: Map<string | number, number>) =>
        [...m]
          .sort()
          .map(([k, n]) => `${k}:${n}`)
          .join(' ');
      report.push(
        `  ${route.method} ${route.path}: ${samples.length} cases [${fmt(kinds)}] statuses [${fmt(statuses)}]`,
      );
    }
    report.push(
      `  ${routes.length} routes, ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, admin re-sign-ins ${reLogins}`,
    );
    expect(await t.app.inject({ method: 'GET', url: '/v1/health' })).toMatchObject({ statusCode: 200 });
  }, 1_800_000);
});
