import { describe, expect, it, vi } from 'vitest';
import { ApiClient, type FetchLike } from './apiClient.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokens = (n: number) => ({ accessToken: `AT${n}`, refreshToken: `RT${n}`, expiresIn: 900, user, deviceId: 'd1' });

/** A fake server whose answers can change between calls; `calls` lists "METHOD path". */
function world(stored: { refreshToken?: string; user?: unknown }) {
  let answer: (path: string, init?: RequestInit) => Response | Promise<Response> = () => json(500, {});
  const calls: string[] = [];
  const fetchImpl = (async (url: URL | RequestInfo, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    calls.push(`${init?.method ?? 'GET'} ${path}`);
    return answer(path, init);
  }) as FetchLike;
  const secrets = new MemorySecretStore();
  if (stored.refreshToken) void secrets.set('refreshToken', stored.refreshToken);
  if (stored.user) void secrets.set('signedInUser', JSON.stringify(stored.user));
  const wiped: string[] = [];
  const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
  const session = new SessionService(
    api,
    secrets,
    () => 'http://127.0.0.1:4317',
    undefined,
    (r) => wiped.push(r),
  );
  return { session, secrets, calls, wiped, api, serve: (fn: typeof answer) => (answer = fn) };
}

const unreachable = () => {
  throw new TypeError('fetch failed');
};

describe('SessionService.resume — a restart keeps the session', () => {
  it('refreshes a stored token, learns whether TOTP is on, and stores the rotated token', async () => {
    const w = world({ refreshToken: 'RT0', user });
    w.serve((path) => (path === '/v1/auth/refresh' ? json(200, tokens(1)) : json(200, { ...user, totpEnabled: true })));
    await w.session.resume();
    expect(w.session.status()).toMatchObject({ signedIn: true, user, online: true, totpEnabled: true });
    expect(w.calls).toEqual(['POST /v1/auth/refresh', 'GET /v1/me']);
    expect(await w.secrets.get('refreshToken')).toBe('RT1');
  });

  it('opens offline as the last user when the server cannot be reached, and refreshes at the first call once it can', async () => {
    const w = world({ refreshToken: 'RT0', user });
    w.serve(unreachable);
    await w.session.resume();
    expect(w.session.status()).toMatchObject({ signedIn: true, user, online: false });
    expect(await w.secrets.get('refreshToken')).toBe('RT0');

    w.serve((path, init) =>
      path === '/v1/auth/refresh'
        ? json(200, tokens(2))
        : json(200, { auth: (init?.headers as Record<string, string>).authorization }),
    );
    expect(await w.session.authorized((t) => w.api.request('/v1/sync', { token: t }))).toEqual({ auth: 'Bearer AT2' });
    expect(w.session.status().online).toBe(true);
  });

  it('signs out when the server refuses the stored token — at start-up or at the first call after an offline start', async () => {
    const refused = () =>
      json(401, { error: { code: 'unauthorized', message: 'Your session has ended. Sign in again.' } });
    const atStart = world({ refreshToken: 'RT0', user });
    atStart.serve(refused);
    await atStart.session.resume();
    expect(atStart.session.status().signedIn).toBe(false);
    expect(await atStart.secrets.get('refreshToken')).toBeUndefined();
    expect(await atStart.secrets.get('signedInUser')).toBeUndefined();

    const later = world({ refreshToken: 'RT0', user });
    later.serve(unreachable);
    await later.session.resume();
    later.serve(refused);
    await expect(later.session.authorized(async () => 1)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(later.session.status().signedIn).toBe(false);
  });

  it('wipes when the stored token belongs to a revoked device', async () => {
    const w = world({ refreshToken: 'RT0', user });
    w.serve(() =>
      json(401, { error: { code: 'device_revoked', message: 'This device was signed out by an administrator.' } }),
    );
    await w.session.resume();
    expect(w.wiped).toEqual(['device_revoked']);
    expect(w.session.status().signedIn).toBe(false);
  });

  it('stays signed out without a stored token, asking the server nothing; offline without a known user stays signed out', async () => {
    const none = world({});
    await none.session.resume();
    expect(none.session.status().signedIn).toBe(false);
    expect(none.calls).toEqual([]);

    const noUser = world({ refreshToken: 'RT0', user: { id: 42 } });
    noUser.serve(unreachable);
    await noUser.session.resume();
    expect(noUser.session.status().signedIn).toBe(false);
  });

  it('shows the last user after 3 s when the server is slow to answer, while the refresh carries on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const w = world({ refreshToken: 'RT0', user });
      let answer!: (r: Response) => void;
      w.serve(() => new Promise<Response>((r) => (answer = r)));
      const done = w.session.resume();
      let ready = false;
      void w.session.ready().then(() => (ready = true));
      await vi.advanceTimersByTimeAsync(2900);
      expect(ready).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      expect(ready).toBe(true);
      expect(w.session.status()).toMatchObject({ signedIn: true, user });
      answer(json(401, { error: { code: 'unauthorized', message: 'Your session has ended.' } }));
      await done;
      expect(w.session.status().signedIn).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
