import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

function expectErrorShape(res: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  const body = JSON.parse(res.body) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error;
}

/** Sends raw bytes to a listening server and returns the raw HTTP answer. */
async function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (c) => (answer += String(c)));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(text);
  });
}

describe('framework errors answer in the { error: { code, message } } shape', () => {
  it('bad URL encoding, unknown route, unsupported media type, bad JSON, empty JSON, body too large', async () => {
    t = await createTestApp();
    const { accessToken } = await t.login();
    expect(expectErrorShape(await t.app.inject({ method: 'GET', url: '/%E0%A4%A' }), 400).code).toBe('bad_request');
    expect(
      expectErrorShape(
        await t.app.inject({ method: 'GET', url: '/v1/lookup/%E0%A4%A', headers: bearer(accessToken) }),
        400,
      ).code,
    ).toBe('bad_request');
    expect(expectErrorShape(await t.app.inject({ method: 'GET', url: '/v1/nothing-here' }), 404).code).toBe(
      'not_found',
    );
    expect(expectErrorShape(await t.app.inject({ method: 'PROPFIND', url: '/v1/me' }), 404).code).toBe('not_found');
    const login = { method: 'POST' as const, url: '/v1/auth/login' };
    expect(
      expectErrorShape(
        await t.app.inject({ ...login, headers: { 'content-type': 'application/xml' }, payload: '<a/>' }),
        415,
      ).code,
    ).toBe('unsupported_media_type');
    // Fastify parses text/plain as a string, which the body schema then rejects.
    expectErrorShape(await t.app.inject({ ...login, headers: { 'content-type': 'text/plain' }, payload: 'hi' }), 400);
    expect(
      expectErrorShape(
        await t.app.inject({ ...login, headers: { 'content-type': 'application/json' }, payload: '{"email": ' }),
        400,
      ).message,
    ).toMatch(/not valid JSON/);
    expectErrorShape(
      await t.app.inject({ ...login, headers: { 'content-type': 'application/json' }, payload: '' }),
      400,
    );
    expectErrorShape(
      await t.app.inject({
        ...login,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2_000_000) }),
      }),
      413,
    );
    expectErrorShape(
      await t.app.inject({
        ...login,
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        payload: '{}',
      }),
      400, // not decoded: read as JSON and rejected by the schema
    );
  });

  it('431 for headers too large, and 400 for a request the HTTP parser rejects, on a real socket', async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const big = await rawRequest(port, `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    const bigBody = JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4)) as { error: { code: string; message: string } };
    expect(bigBody.error.code).toBe('headers_too_large');
    expect(bigBody.error.message).toMatch(/header/i);

    const garbage = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect((JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }).error.code).toBe(
      'bad_request',
    );
  });
});
