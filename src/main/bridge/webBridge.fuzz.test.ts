/**
 * Fuzzing the web bridge's HTTP and WebSocket surface over real sockets: generated methods, paths
 * (malformed percent-encoding, NUL, traversal, control characters), headers (Host, Origin, Cookie,
 * Content-Length, Transfer-Encoding) and bodies; then generated WebSocket frames. The bridge must
 * answer every request with a status it means (never a 500, never silence), every error in the
 * `{error:{code,message}}` shape, and still serve the page at the end, with no uncaught exception.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  openSocket,
  rawGet,
  rawRequest,
  sessionCookieFor,
  startTestBridge,
  TEST_TOKEN,
} from './testing/bridge.testkit.js';
import type { WebBridge } from './webBridge.js';

const HTTP_RUNS = Number(process.env.BRIDGE_FUZZ_RUNS ?? 10_000);
const WS_RUNS = Number(process.env.BRIDGE_WS_FUZZ_RUNS ?? 3_000);
const CONCURRENCY = 32;

const failures: unknown[] = [];
const onFailure = (err: unknown) => failures.push(err);
let bridge: WebBridge;
beforeAll(async () => {
  process.on('uncaughtException', onFailure);
  process.on('unhandledRejection', onFailure);
  ({ bridge } = await startTestBridge());
});
afterAll(async () => {
  await bridge.close();
  process.off('uncaughtException', onFailure);
  process.off('unhandledRejection', onFailure);
});

const token = fc.stringMatching(/^[A-Za-z]{1,10}$/);
const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PRI'),
  token,
  fc.string({ maxLength: 8 }),
);
const path = fc.oneof(
  fc.webPath(),
  fc.stringMatching(/^\/([a-z0-9./_-]|%[0-9A-Fa-f]{0,2}|%){0,40}$/),
  fc.constantFrom('/', '/bridge/session', '/bridge/ws', '/index.html', '/%E0%A4%A', '/..%2f..%2fetc%2fpasswd', '*', ''),
  fc.string({ maxLength: 60 }),
  fc.webUrl(),
);
const headerValue = fc.oneof(fc.string({ maxLength: 80 }), fc.stringMatching(/^[\x20-\x7e]{0,80}$/));
function headers(port: number) {
  return fc.record(
    {
      host: fc.oneof(fc.constant(`127.0.0.1:${port}`), fc.constant(`localhost:${port}`), headerValue),
      origin: fc.oneof(fc.constant(`http://127.0.0.1:${port}`), fc.constant('http://evil.example'), headerValue),
      cookie: fc.oneof(fc.constant(`callsign_bridge=x`), headerValue),
      'content-length': fc.oneof(fc.nat({ max: 100 }).map(String), headerValue),
      'transfer-encoding': fc.oneof(fc.constant('chunked'), headerValue),
      'content-type': fc.constantFrom('application/json', 'text/plain', '\u0000'),
      [`x-${'a'.repeat(3)}`]: headerValue,
    },
    { requiredKeys: [] },
  );
}
const body = fc.oneof(
  fc.constant(''),
  fc.json(),
  fc.constant(JSON.stringify({ token: 'wrong' })),
  fc.constant(JSON.stringify({ token: TEST_TOKEN.slice(1) })),
  fc.string({ maxLength: 200 }),
);

/** The body of the first response (a generated body can hold a second, pipelined request). */
function firstBody(text: string): string {
  const end = text.indexOf('\r\n\r\n');
  const length = Number(/\r\ncontent-length: (\d+)/i.exec(text.slice(0, end))?.[1]);
  return text.slice(end + 4, end + 4 + length);
}

function parseOr(body: string, whole: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return { notJson: whole.slice(0, 400) };
  }
}

function requestBytes(m: string, p: string, h: Record<string, string | undefined>, b: string): string {
  const lines = Object.entries({ ...h, connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`);
  return `${m} ${p} HTTP/1.1\r\n${lines.join('')}\r\n${b}`;
}

describe('web bridge HTTP surface under generated requests', () => {
  it(`answers ${HTTP_RUNS} generated requests with a meant status and the error shape, and stays up`, async () => {
    const cases = fc.sample(fc.tuple(method, path, headers(bridge.port), body), { numRuns: HTTP_RUNS, seed: 11 });
    const statuses: Record<number, number> = {};
    for (let i = 0; i < cases.length; i += CONCURRENCY) {
      const batch = cases.slice(i, i + CONCURRENCY);
      const answers = await Promise.all(batch.map(([m, p, h, b]) => rawRequest(bridge.port, requestBytes(m, p, h, b))));
      answers.forEach((res, j) => {
        const [m, p] = batch[j]!;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const what = `${JSON.stringify(m)} ${JSON.stringify(p)} → ${res.text.slice(0, 120)}`;
        expect([200, 400, 403, 404, 431], what).toContain(res.status);
        if (res.status >= 400 && m !== 'HEAD') {
          expect(parseOr(firstBody(res.text), res.text), what).toMatchObject({
            error: { code: expect.any(String), message: expect.any(String) },
          });
        }
      });
    }
    expect(cases).toHaveLength(HTTP_RUNS);
    expect((await rawGet(bridge.port, '/')).status).toBe(200);
    expect(failures).toEqual([]);
    if (process.env.BRIDGE_FUZZ_REPORT) console.warn(`bridge http fuzz statuses: ${JSON.stringify(statuses)}`);
  }, 120_000);
});

describe('web bridge WebSocket under generated frames', () => {
  const frame = fc.oneof(
    fc.string({ maxLength: 200 }).map((s) => ({ text: s })),
    fc.json().map((s) => ({ text: s })),
    fc
      .record(
        {
          id: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
          channel: fc.oneof(
            fc.string({ maxLength: 70 }),
            fc.constantFrom('app.info', 'sync.pull', 'session.login', 'settings.set', '__proto__', 'constructor'),
          ),
          payload: fc.anything({ maxDepth: 2 }),
        },
        { requiredKeys: [] },
      )
      .map((o) => ({ text: JSON.stringify(o) ?? 'undefined' })),
    fc.uint8Array({ maxLength: 200 }).map((b) => ({ binary: Buffer.from(b) })),
  );

  it(`replies once to each of ${WS_RUNS} generated frames with a result or a typed error`, async () => {
    const ws = await openSocket(bridge, await sessionCookieFor(bridge));
    const frames = fc.sample(frame, { numRuns: WS_RUNS, seed: 12 });
    const replies: Array<{ type: string; ok: boolean; error?: { code: string } }> = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    for (const f of frames) ws.send('binary' in f ? f.binary : f.text, { binary: 'binary' in f });
    await expect.poll(() => replies.length, { timeout: 30_000 }).toBe(WS_RUNS);
    for (const r of replies) {
      expect(r.type).toBe('result');
      if (!r.ok) expect(r.error!.code).not.toBe('internal');
    }
    ws.close();
    expect(failures).toEqual([]);
  }, 60_000);
});
