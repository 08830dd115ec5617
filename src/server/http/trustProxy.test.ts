import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

const PROXY = '10.0.0.2';

/** A wrong sign-in for a fresh account each time, so only the per-address counters can lock. */
async function failSignIn(remoteAddress: string, forwardedFor: string | undefined, n: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { email: `nobody-${remoteAddress}-${forwardedFor ?? ''}-${n}@example.test`, password: 'wrong password' },
  });
  return res.statusCode;
}

describe('sign-in lockout behind a reverse proxy', () => {
  it('with --trust-proxy, two clients behind the proxy are locked out separately', async () => {
    t = await createTestApp({ trustProxy: [PROXY] });
    const a = [];
    for (let i = 0; i < 12; i++) a.push(await failSignIn(PROXY, '203.0.113.5', i));
    expect(a.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(a.at(-1)).toBe(429);
    expect(await failSignIn(PROXY, '203.0.113.6', 0)).toBe(401); // another client through the same proxy
    // The audit trail names the real client, not the proxy.
    const addresses = (await t.services.audit.list({ limit: 100 })).map(
      (e) => (e.data as { address?: string }).address,
    );
    expect(addresses).toContain('203.0.113.5');
    expect(addresses).not.toContain(PROXY);
  });

  it('without it, a forged X-Forwarded-For is ignored: the connection address is what counts', async () => {
    t = await createTestApp();
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await failSignIn('198.51.100.7', `192.0.2.${i}`, i));
    expect(codes.at(-1)).toBe(429);
    expect(await failSignIn('198.51.100.8', '192.0.2.1', 99)).toBe(401);
  });

  it('an untrusted sender cannot pick its address even when some proxy is trusted', async () => {
    t = await createTestApp({ trustProxy: [PROXY] });
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await failSignIn('198.51.100.9', `192.0.2.${i}`, i));
    expect(codes.at(-1)).toBe(429);
  });
});
