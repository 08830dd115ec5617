/**
 * Fuzzing every IPC channel of the contract (src/shared/ipc/contract.ts — whatever channels it has,
 * so channels added later are fuzzed too) with generated payloads, through the real dispatcher and
 * the real main handlers (SessionService, ApiClient) in front of a fake server. The only acceptable
 * outcomes are a result or a typed error: `bad_request` naming the field (or, for a payload that is
 * not an object at all, the input), or a stable AppError code from the handler. Never `internal`,
 * i.e. never an exception the handler did not mean to throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { channels, requestSchemas, type Channel } from '../../shared/ipc/contract.js';
import { createDispatcher, type DispatchResult } from '../../shared/ipc/dispatch.js';
import { createMemoryPair } from '../../shared/ipc/memoryTransport.js';
import { AppError, ErrorCode } from '../../shared/api/errors.js';
import { createMainServices } from './createMainServices.js';
import { MemorySecretStore } from './secretStore.js';
import { MemorySettingsStore } from './settingsStore.js';

const RUNS = Number(process.env.IPC_FUZZ_RUNS ?? 10_000);

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Tess Tech', role: 'admin' as const };
const tokens = { accessToken: 'AT', refreshToken: 'RT', expiresIn: 900, user, deviceId: 'd1' };
const reply = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A fake server: sign-in and refresh succeed, every other route is a typed 404. */
async function fakeServer(url: URL | RequestInfo): Promise<Response> {
  const path = new URL(String(url)).pathname;
  if (path === '/v1/auth/login' || path === '/v1/auth/refresh') return reply(200, tokens);
  return reply(404, { error: { code: 'not_found', message: 'No such route on the fake server.' } });
}

function signedInServices() {
  const unexpected: Array<{ channel: string; err: unknown }> = [];
  const { handlers } = createMainServices({
    secrets: new MemorySecretStore(),
    settings: new MemorySettingsStore(),
    defaultServerUrl: 'http://127.0.0.1:4317',
    shell: 'web-bridge',
    version: 'fuzz',
    fetchImpl: fakeServer as typeof fetch,
  });
  const dispatch = createDispatcher(handlers, (err, channel) => unexpected.push({ channel, err }));
  return { handlers, dispatch, unexpected };
}

/** The top-level keys the channel's schema knows, so generated objects often get past the first check. */
function knownKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Cheap to generate (fc.anything costs more than the dispatch it feeds), still every JSON kind and then some. */
const scalar = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(null, undefined, '', 0, -1, 1e308, Number.NaN, '123456', 'a@b.co', 'https://x.example', '__proto__'),
);
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }),
);

function payloads(channel: Channel): fc.Arbitrary<unknown> {
  const keys = knownKeys(requestSchemas[channel]);
  const key = keys.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, fc.string({ maxLength: 8 }))
    : fc.string({ maxLength: 8 });
  return fc.oneof(
    // minKeys 1: `{}` (the one valid payload of most channels) comes from the constant below, ~1 in 9,
    // so the run spends its time on malformed payloads rather than on the fake server.
    { weight: 6, arbitrary: fc.dictionary(key, value, { minKeys: 1, maxKeys: keys.length + 2 }) },
    { weight: 2, arbitrary: value },
    { weight: 1, arbitrary: fc.constant({}) },
  );
}

const TYPED = new Set<string>(ErrorCode.options);

/** Plain checks (no expect per case: 10,000 cases × every channel must stay fast). */
function untypedReason(r: DispatchResult): string | undefined {
  if (r.ok) return undefined;
  const { code, message, field } = r.error;
  if (code === 'internal' || !TYPED.has(code)) return `untyped error ${code}`;
  if (!message) return 'empty message';
  if (code !== 'bad_request') return undefined;
  // Names the field — or says the input itself is wrong (a payload that is not an object).
  // (A sentence written for people carries the field in `field` only: shared/ipc/dispatch.ts.)
  const sentence = /^[A-Z]/.test(message) && !message.startsWith('Invalid');
  if (field ? !message.startsWith(`${field}:`) && !sentence : !/^input\b/.test(message))
    return `bad_request without its field: ${message}`;
  return undefined;
}

describe('IPC channels under generated payloads', () => {
  const counts: Record<string, { runs: number; ok: number; errors: Record<string, number> }> = {};

  it.each(channels.map((c) => [c]))(
    `%s: ${RUNS} generated payloads → only results and typed errors`,
    async (channel) => {
      const { dispatch, handlers, unexpected } = signedInServices();
      await handlers['session.login']({ email: 'tech@callsign.demo', password: 'x' });
      const tally: (typeof counts)[string] = { runs: 0, ok: 0, errors: {} };
      counts[channel] = tally;
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (payload) => {
          const r = await dispatch(channel, payload);
          tally.runs++;
          if (r.ok) tally.ok++;
          else tally.errors[r.error.code] = (tally.errors[r.error.code] ?? 0) + 1;
          const why = untypedReason(r);
          if (why) throw new Error(`${channel}: ${why}`);
        }),
        { numRuns: RUNS },
      );
      expect(unexpected).toEqual([]);
      expect(tally.runs).toBeGreaterThanOrEqual(RUNS);
      if (process.env.IPC_FUZZ_REPORT) console.warn(`ipc fuzz ${channel}: ${JSON.stringify(tally)}`);
    },
  );

  it('unknown channels and non-string channel names are a bad_request naming the channel', async () => {
    const { dispatch } = signedInServices();
    await fc.assert(
      fc.asyncProperty(
        fc.anything().filter((c) => !channels.includes(c as Channel)),
        fc.anything(),
        async (channel, payload) => {
          const r = await dispatch(channel, payload);
          expect(r).toMatchObject({ ok: false, error: { code: 'bad_request', field: 'channel' } });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('through the in-memory transport (structured clone, client ↔ dispatcher), every call settles typed', async () => {
    const { handlers } = signedInServices();
    const { client } = createMemoryPair(handlers);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.jsonValue({ maxDepth: 2 }), async (channel, payload) => {
        try {
          await client.invoke(channel, payload as never);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).code).not.toBe('internal');
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
