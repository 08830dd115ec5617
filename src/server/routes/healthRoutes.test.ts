import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

describe('GET /v1/health', () => {
  it('answers ok with the version, without a token', async () => {
    t = await createTestApp({ seed: false });
    const res = await t.app.inject({ method: 'GET', url: '/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, version: '9.9.9-test' });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('runs on the database the project asks for (the postgres project repeats these route tests there)', async () => {
    t = await createTestApp({ seed: false });
    const expected = process.env.CALLSIGN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
    expect(t.dialect).toBe(expected);
    const probe = expected === 'postgres' ? 'select version() as v' : 'select sqlite_version() as v';
    expect(String((await t.get<{ v: string }>(probe))?.v)).toMatch(expected === 'postgres' ? /^PostgreSQL/ : /^3\./);
  });

  it('answers unknown routes with the error shape', async () => {
    t = await createTestApp({ seed: false });
    const res = await t.app.inject({ method: 'GET', url: '/v1/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'not_found' });
    expect(res.json().error.message).toContain('/v1/nope');
  });

  it('does not send CORS headers to origins that are not configured', async () => {
    t = await createTestApp({ seed: false });
    const res = await t.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows CORS for configured origins only', async () => {
    t = await createTestApp({ seed: false, corsOrigins: ['http://127.0.0.1:5173'] });
    const ok = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/sync',
      headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'GET' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5173');
    const other = await t.app.inject({
      method: 'GET',
      url: '/v1/health',
      headers: { origin: 'http://127.0.0.1:9999' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
