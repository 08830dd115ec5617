/**
 * Test support for the route fuzzer (src/server/fuzz/routeFuzz.*.test.ts, issue 11): the routes of the
 * app's OpenAPI document, one fast-check property per route, and the check every answer must pass.
 * Free of Vitest so a script can run a campaign too (e.g. with heap snapshots).
 *
 * Requests are generated one at a time inside `fc.assert`, never sampled up front: `fc.sample` of
 * 10,000 requests per route held every payload at once — 1.9 GB of strings for each of the policy
 * routes alone (their many fields each may hold a 300 KB string) — which is what ran the worker out of
 * heap, not the app (its heap stays flat over 10,000 requests per route).
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { statusFor } from '../http/errorHandling.js';
import { bearer } from './createTestApp.js';
import { bodyArb, nastyValue, queryArb, type JsonSchema } from './fuzzArbitraries.js';

interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}
type OpenApi = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

export interface FuzzRoute {
  method: string;
  path: string;
  /** The route validates a body or a query string (the 10,000-per-route group). */
  hasSchema: boolean;
  requests: fc.Arbitrary<FuzzRequest>;
}

export interface FuzzRequest {
  kind: string;
  param: string;
  query: string | undefined;
  contentType: string | undefined;
  payload: string | undefined;
}

/** Every route of the app, in path order, with the generator of its requests. */
export function fuzzRoutes(app: FastifyInstance): FuzzRoute[] {
  const api = (app as unknown as { swagger(): OpenApi }).swagger();
  const resolve = (ref: string) => api.components?.schemas?.[ref.replace('#/components/schemas/', '')] ?? {};
  const out: FuzzRoute[] = [];
  for (const [path, methods] of Object.entries(api.paths))
    for (const [method, op] of Object.entries(methods)) {
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const hasSchema = bodySchema !== undefined || queryParams.length > 0;
      // Routes without a schema still get a junk query string and body: they must ignore or refuse them.
      const junk = { type: 'object', properties: { x: {} } } satisfies JsonSchema;
      const body = bodySchema ? bodyArb(bodySchema, resolve) : bodyArb(junk, resolve);
      const query =
        queryParams.length > 0 ? queryArb(queryParams, resolve) : queryArb([{ name: 'x', schema: {} }], resolve);
      const requests = fc
        .record({
          body: bodySchema ? body : hasSchema ? fc.constant(undefined) : fc.option(body, { freq: 2 }),
          query: queryParams.length > 0 ? query : hasSchema ? fc.constant(undefined) : fc.option(query, { freq: 2 }),
          param: fc.oneof(
            fc.constant('no-such-id'),
            fc.string({ unit: 'grapheme', maxLength: 30 }),
            nastyValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
          ),
        })
        .map(({ body, query, param }): FuzzRequest => ({
          kind: [body?.kind, query?.kind].filter(Boolean).join('+') || 'bare',
          param,
          query: query?.query,
          contentType: body?.contentType,
          payload: body?.payload,
        }));
      out.push({ method: method.toUpperCase(), path, hasSchema, requests });
    }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** The answer to a fuzzed request: 2xx, or a 4xx in the one error shape whose code matches its status. */
export function checkAnswer(res: { statusCode: number; body: string }, what: () => string): void {
  const fail = (why: string) => {
    throw new Error(`${why}: ${what()} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  if (res.statusCode < 200 || res.statusCode >= 500 || (res.statusCode >= 300 && res.statusCode < 400))
    fail('not a 2xx or 4xx');
  if (res.statusCode < 400) return;
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    fail('a 4xx whose body is not JSON');
  }
  const keys = Object.keys(body as object);
  const error = (body as { error?: Record<string, unknown> }).error;
  if (keys.length !== 1 || keys[0] !== 'error' || typeof error !== 'object' || error === null)
    fail('not the {error:{code,message}} shape');
  const { code, message, field, ...rest } = error!;
  if (typeof code !== 'string' || statusFor(code) !== res.statusCode) fail(`code ${String(code)} for this status`);
  if (typeof message !== 'string' || message.length < 10) fail('no message');
  if (Object.keys(rest).length > 0) fail(`unknown keys ${Object.keys(rest).join(',')}`);
  if (field !== undefined && (typeof field !== 'string' || field === '')) fail('an empty field');
  // Bad input names the field it is about, so a person can find it (a path parameter's 404 names the
  // missing thing instead).
  if (code === 'bad_request' && field !== undefined && !(message as string).includes(field as string))
    fail('a field the message does not name');
}

export interface CampaignResult {
  cases: number;
  statuses: Map<number, number>;
  kinds: Map<string, number>;
  /** Requests over 100 KB (the huge-string cases). */
  huge: number;
  reSignIns: number;
}

/**
 * `runs` requests to `route` as `signIn()`'s account, then a tenth of that unauthenticated (almost all
 * stop at 401). Every 50 requests the session is checked: a generated request may end it (a role
 * change, a logout), and then the next requests sign in again.
 */
export async function fuzzRoute(
  app: FastifyInstance,
  route: FuzzRoute,
  options: { runs: number; seed: number; signIn: () => Promise<string> },
): Promise<CampaignResult> {
  const result: CampaignResult = { cases: 0, statuses: new Map(), kinds: new Map(), huge: 0, reSignIns: 0 };
  let token = await options.signIn();
  const unauthenticated = Math.ceil(options.runs / 10);
  for (const [runs, seed, signedIn] of [
    [options.runs, options.seed, true],
    [unauthenticated, options.seed + 1, false],
  ] as const) {
    await fc.assert(
      fc.asyncProperty(route.requests, async (r) => {
        const path = route.path.replace(/\{\w+\}/g, () => encodePathParam(r.param));
        const url = r.query !== undefined ? `${path}?${r.query}` : path;
        const headers: Record<string, string> = signedIn ? bearer(token) : {};
        if (r.contentType !== undefined) headers['content-type'] = r.contentType;
        const res = await app.inject({
          method: route.method as 'POST',
          url,
          headers,
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
        });
        result.cases++;
        result.statuses.set(res.statusCode, (result.statuses.get(res.statusCode) ?? 0) + 1);
        result.kinds.set(r.kind, (result.kinds.get(r.kind) ?? 0) + 1);
        if (url.length + (r.payload?.length ?? 0) > 100_000) result.huge++;
        checkAnswer(
          res,
          () =>
            `${signedIn ? 'admin' : 'anonymous'} ${route.method} ${url.slice(0, 200)} ${r.kind} ${r.contentType ?? ''} ${r.payload?.slice(0, 300) ?? ''}`,
        );
        if (signedIn && result.cases % 50 === 0) {
          const me = await app.inject({ method: 'GET', url: '/v1/me', headers: bearer(token) });
          if (me.statusCode === 401) {
            token = await options.signIn();
            result.reSignIns++;
          }
        }
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  }
  return result;
}

/**
 * Percent-encodes a path parameter; a lone surrogate (which encodeURIComponent refuses) becomes its
 * WTF-8 bytes, so the server also sees a path that is not valid UTF-8.
 */
function encodePathParam(param: string): string {
  const encoded = [...param] // by code point: a lone surrogate stays a one-unit string
    .map((c) => {
      const u = c.charCodeAt(0);
      if (c.length > 1 || u < 0xd800 || u > 0xdfff) return encodeURIComponent(c);
      return [0xed, 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
  return encoded || 'x';
}

export function formatResult(route: FuzzRoute, r: CampaignResult): string {
  const fmt = (m: Map<string | number, number>) =>
    [...m]
      .sort()
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
  return `  ${route.method} ${route.path}: ${r.cases} cases (${r.huge} over 100 KB) [${fmt(r.kinds)}] statuses [${fmt(r.statuses)}]`;
}
