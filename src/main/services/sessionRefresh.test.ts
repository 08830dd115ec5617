import { describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from './apiClient.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unauthorized = () => json(401, { error: { code: 'unauthorized', message: 'Sign in again.' } });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Models the server's refresh rotation (src/server/auth/SessionStore.rotate): a refresh token works
 * once; rotating it invalidates every access token of the session; presenting a used refresh token
 * again ends the session and deletes the device, so every later call is refused.
 */
function rotatingServer() {
  let n = 0;
  let access = new Set<string>();
  const used = new Set<string>();
  let liveRefresh: string | undefined;
  let ended = false;
  const stats = { refreshes: 0, reuse: 0, served: 0 };
  const issue = () => {
    n += 1;
    access = new Set([`AT${n}`]);
    liveRefresh = `RT${n}`;
    return json(200, { accessToken: `AT${n}`, refreshToken: `RT${n}`, expiresIn: 900, user, deviceId: 'd1' });
  };
  const fetchImpl = (async (url: URL | RequestInfo, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (path === '/v1/auth/login') return issue();
    if (path === '/v1/auth/refresh') {
      stats.refreshes += 1;
      const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
      await tick(5); // a real round trip: other callers' 401s arrive meanwhile
      if (ended) return unauthorized();
      if (used.has(refreshToken)) {
        stats.reuse += 1;
        ended = true;
        access = new Set();
        return unauthorized();
      }
      if (refreshToken !== liveRefresh) return unauthorized();
      used.add(refreshToken);
      return issue();
    }
    const auth = (init?.headers as Record<string, string>)?.authorization?.replace('Bearer ', '');
    await tick(Math.random() * 10);
    if (ended || !auth || !access.has(auth)) return unauthorized();
    stats.served += 1;
    return json(200, { ok: true, token: auth });
  }) as FetchLike;
  return { fetchImpl, stats, expireAccess: () => (access = new Set()) };
}

function signedIn() {
  const server = rotatingServer();
  const api = new ApiClient(() => 'http://127.0.0.1:4317', server.fetchImpl);
  const secrets = new MemorySecretStore();
  const session = new SessionService(api, secrets, () => 'http://127.0.0.1:4317');
  return { server, api, secrets, session };
}

describe('SessionService — one refresh in flight, shared by every caller', () => {
  it('20 concurrent calls at token expiry: exactly one refresh, all 20 succeed, still signed in', async () => {
    const { server, api, secrets, session } = signedIn();
    await session.login('tech@callsign.demo', 'pw');
    server.expireAccess();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => session.authorized((t) => api.request('/v1/sync', { token: t }))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(server.stats.refreshes).toBe(1);
    expect(server.stats.reuse).toBe(0);
    expect(server.stats.served).toBe(20);
    expect(session.status().signedIn).toBe(true);
    expect(await secrets.get('refreshToken')).toBe('RT2');
  });

  it('a 401 for a token older than the current one retries with the new token, without refreshing again', async () => {
    const { server, api, session } = signedIn();
    await session.login('tech@callsign.demo', 'pw');
    server.expireAccess();
    // Staggered starts: some calls get their 401 after the first refresh has already finished.
    const calls = Array.from({ length: 20 }, (_, i) =>
      tick(i * 2).then(() => session.authorized((t) => api.request('/v1/sync', { token: t }))),
    );
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(server.stats.refreshes).toBe(1);
    expect(server.stats.reuse).toBe(0);
  });

  it('a second expiry after the first refresh refreshes once more (the flight is not cached forever)', async () => {
    const { server, api, session } = signedIn();
    await session.login('tech@callsign.demo', 'pw');
    for (let round = 0; round < 3; round++) {
      server.expireAccess();
      await Promise.all(
        Array.from({ length: 5 }, () => session.authorized((t) => api.request('/v1/sync', { token: t }))),
      );
    }
    expect(server.stats.refreshes).toBe(3);
    expect(server.stats.reuse).toBe(0);
  });
});
