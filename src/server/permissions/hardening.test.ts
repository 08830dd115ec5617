import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

const login = (email: string, ip: string, password = TEST_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('sign-in rate limits', () => {
  it('allows 10 sign-in attempts a minute per address, whatever the account', async () => {
    t = await createTestApp();
    for (let i = 0; i < 10; i++)
      expect((await login(`nobody${i}@callsign.demo`, '10.1.1.1', 'wrong')).statusCode).toBe(401);
    const eleventh = await login('tech@callsign.demo', '10.1.1.1');
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error).toMatchObject({ code: 'rate_limited' });
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login('tech@callsign.demo', '10.1.1.2')).statusCode).toBe(200);
  });

  it('allows 10 sign-in attempts a minute per account, whatever the address', async () => {
    t = await createTestApp();
    for (let i = 0; i < 10; i++) expect((await login('noc@callsign.demo', `10.2.0.${i}`)).statusCode).toBe(200);
    expect((await login('NOC@callsign.demo', '10.2.1.1')).statusCode).toBe(429);
    expect((await login('tech@callsign.demo', '10.2.1.1')).statusCode).toBe(200);
  });

  it('limits TOTP attempts per address too', async () => {
    t = await createTestApp();
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/auth/totp',
        payload: { mfaToken: `csm_fake${i}`, code: '123456' },
        remoteAddress: '10.3.0.1',
      });
      expect(res.statusCode).toBe(401);
    }
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp',
      payload: { mfaToken: 'csm_fake', code: '123456' },
      remoteAddress: '10.3.0.1',
    });
    expect(res.statusCode).toBe(429);
  });
});

describe('limits and headers', () => {
  it('refuses oversized bodies with 413 before parsing (8 KB on sign-in, 256 KB on admin writes)', async () => {
    t = await createTestApp();
    const big = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: 'tech@callsign.demo', password: 'x'.repeat(9000) },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large' });
    expect(big.json().error.message).toContain('limit 8 KB');
    const { accessToken } = await t.login('admin@callsign.demo');
    const site = { id: 'big', name: 'Big', companyName: 'Big', country: 'US', siteMessage: 'x'.repeat(300 * 1024) };
    expect(
      (await t.app.inject({ method: 'POST', url: '/v1/admin/sites', headers: bearer(accessToken), payload: site }))
        .statusCode,
    ).toBe(413);
  });

  it('answers CORS only for configured origins, for every method the API uses', async () => {
    t = await createTestApp({ corsOrigins: ['http://127.0.0.1:5199'] });
    const allowed = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/devices/x',
      headers: { origin: 'http://127.0.0.1:5199', 'access-control-request-method': 'DELETE' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('http://127.0.0.1:5199');
    expect(String(allowed.headers['access-control-allow-methods'])).toContain('DELETE');
    const other = await t.app.inject({ method: 'GET', url: '/v1/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('sends security headers and a request id on every response, keeping a well-formed given id', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/v1/devices' });
    expect(res.statusCode).toBe(401);
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const given = await t.app.inject({
      method: 'GET',
      url: '/v1/health',
      headers: { 'x-request-id': 'desk-1234.abc' },
    });
    expect(given.headers['x-request-id']).toBe('desk-1234.abc');
  });
});

describe('API docs', () => {
  it('serves OpenAPI generated from the zod schemas at /docs, without a token', async () => {
    t = await createTestApp();
    const doc = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/login', '/v1/auth/totp', '/v1/devices/{id}', '/v1/admin/sites', '/v1/sync']),
    );
    expect(JSON.stringify(spec.paths['/v1/auth/login'].post.requestBody)).toContain('device');
    expect(spec.paths['/v1/auth/login'].post.security).toEqual([]);
    expect(spec.paths['/v1/admin/sites'].post.description).toBe('Requires the `directory.write` permission.');
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('<!DOCTYPE html>');
    expect(ui.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
