import { describe, expect, it, vi } from 'vitest';
import { ApiClient, type FetchLike } from './apiClient.js';
import { SessionService } from './sessionService.js';
import { MemorySecretStore } from './secretStore.js';
import { AppError } from '../../shared/api/errors.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function setup(fetchImpl: FetchLike) {
  const secrets = new MemorySecretStore();
  const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
  return { secrets, session: new SessionService(api, secrets, () => 'http://127.0.0.1:4317') };
}

describe('SessionService', () => {
  it('keeps the access token in memory, the refresh token in the secret store, and shows neither', async () => {
    const { secrets, session } = setup(async () =>
      json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' }),
    );
    const status = await session.login('tech@callsign.demo', 'pw');
    expect(status).toEqual({
      signedIn: true,
      user,
      serverUrl: 'http://127.0.0.1:4317',
      online: true,
      totpEnabled: false,
    });
    expect(JSON.stringify(status)).not.toMatch(/AT1|RT1/);
    expect(await secrets.get('refreshToken')).toBe('RT1');
  });

  it('sends the bearer token and refreshes once on 401', async () => {
    const calls: string[] = [];
    const fetchImpl = vi.fn(async (url: URL | RequestInfo, init?: RequestInit) => {
      const path = new URL(String(url)).pathname;
      const auth = (init?.headers as Record<string, string>)?.authorization;
      calls.push(`${path} ${auth ?? ''}`);
      if (path === '/v1/auth/login')
        return json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' });
      if (path === '/v1/auth/refresh')
        return json(200, { accessToken: 'AT2', refreshToken: 'RT2', expiresIn: 900, user, deviceId: 'd1' });
      return auth === 'Bearer AT2'
        ? json(200, { ok: true })
        : json(401, { error: { code: 'unauthorized', message: 'expired' } });
    }) as unknown as FetchLike;
    const { secrets, session } = setup(fetchImpl);
    await session.login('tech@callsign.demo', 'pw');
    const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
    expect(await session.authorized((t) => api.request('/v1/me', { token: t }))).toEqual({ ok: true });
    expect(calls).toEqual(['/v1/auth/login ', '/v1/me Bearer AT1', '/v1/auth/refresh ', '/v1/me Bearer AT2']);
    expect(await secrets.get('refreshToken')).toBe('RT2');
  });

  it('maps a wrong password to the server message and a dead server to server_unreachable', async () => {
    const wrong = setup(async () =>
      json(401, { error: { code: 'invalid_credentials', message: 'Email or password is wrong.' } }),
    );
    await expect(wrong.session.login('a@b.co', 'x')).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'Email or password is wrong.',
    });
    const dead = setup(async () => {
      throw new TypeError('fetch failed');
    });
    const err = (await dead.session.login('a@b.co', 'x').catch((e) => e)) as AppError;
    expect(err.code).toBe('server_unreachable');
    expect(dead.session.status().online).toBe(false);
  });

  it('refuses authorised calls before sign-in and forgets everything on logout', async () => {
    const { secrets, session } = setup(async () =>
      json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' }),
    );
    await expect(session.authorized(async () => 1)).rejects.toMatchObject({ code: 'not_signed_in' });
    await session.login('tech@callsign.demo', 'pw');
    await session.logout();
    expect(session.status().signedIn).toBe(false);
    expect(await secrets.get('refreshToken')).toBeUndefined();
  });
});

describe('SessionService — devices and TOTP', () => {
  it('registers the device and finishes a TOTP sign-in with the code, keeping the mfaToken in memory', async () => {
    const bodies: unknown[] = [];
    const fetchImpl = (async (url: URL | RequestInfo, init?: RequestInit) => {
      const path = new URL(String(url)).pathname;
      bodies.push(JSON.parse(String(init?.body ?? 'null')));
      if (path === '/v1/auth/login') return json(200, { mfaRequired: true, mfaToken: 'MFA1', expiresIn: 300 });
      return json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' });
    }) as FetchLike;
    const secrets = new MemorySecretStore();
    const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
    const session = new SessionService(api, secrets, () => 'http://127.0.0.1:4317', {
      name: 'Desk 4',
      platform: 'linux',
    });
    const half = await session.login('tech@callsign.demo', 'pw');
    expect(half).toMatchObject({ signedIn: false, mfaRequired: true });
    expect(JSON.stringify(half)).not.toContain('MFA1');
    expect(bodies[0]).toMatchObject({ device: { name: 'Desk 4', platform: 'linux' } });
    expect(await session.totp({ code: '123456' })).toMatchObject({ signedIn: true });
    expect(bodies[1]).toEqual({ mfaToken: 'MFA1', code: '123456' });
    expect(session.status().mfaRequired).toBeUndefined();
    expect(session.status().totpEnabled).toBe(true); // this sign-in needed a code, so TOTP is on
  });

  it('forgets everything and asks for a wipe when the server says the device was revoked', async () => {
    const fetchImpl = (async (url: URL | RequestInfo) => {
      const path = new URL(String(url)).pathname;
      if (path === '/v1/auth/login')
        return json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' });
      return json(401, {
        error: { code: 'device_revoked', message: 'This device was signed out by an administrator.' },
      });
    }) as FetchLike;
    const wiped: string[] = [];
    const secrets = new MemorySecretStore();
    const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
    const session = new SessionService(
      api,
      secrets,
      () => 'http://127.0.0.1:4317',
      undefined,
      (r) => wiped.push(r),
    );
    await session.login('tech@callsign.demo', 'pw');
    await expect(session.authorized((t) => api.request('/v1/sync', { token: t }))).rejects.toMatchObject({
      code: 'device_revoked',
    });
    expect(wiped).toEqual(['device_revoked']);
    expect(session.status().signedIn).toBe(false);
    expect(await secrets.get('refreshToken')).toBeUndefined();
  });
});
