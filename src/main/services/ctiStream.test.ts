import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../shared/api/errors.js';
import type { CallPush } from '../../shared/api/cti.js';
import { ApiClient, type FetchLike } from './apiClient.js';
import { CtiStreamClient, streamUrl, type OpenStream, type StreamConnection } from './ctiStream.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** A server that issues AT1, AT2… on login/refresh (rotating refresh tokens) and counts refreshes. */
async function signedInSession() {
  let n = 0;
  const stats = { refreshes: 0 };
  const issue = () => {
    n += 1;
    return json(200, { accessToken: `AT${n}`, refreshToken: `RT${n}`, expiresIn: 900, user, deviceId: 'd1' });
  };
  const fetchImpl = (async (url: URL | RequestInfo) => {
    const path = new URL(String(url)).pathname;
    if (path === '/v1/auth/refresh') {
      stats.refreshes++;
      await tick(5); // other callers' 401s arrive meanwhile
    }
    return issue();
  }) as FetchLike;
  const session = new SessionService(
    new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl),
    new MemorySecretStore(),
    () => 'x',
  );
  await session.login('tech@callsign.demo', 'pw');
  return { session, stats, current: () => `AT${n}` };
}

/** A fake stream server: accepts only `valid()` tokens; `drop(code)` closes every open connection. */
function fakeStreams(valid: (token: string) => boolean) {
  const open = new Set<{ close: (code: number) => void; send: (text: string) => void }>();
  const attempts: Array<{ token: string; at: number }> = [];
  let reachable = true;
  const opener: OpenStream = async (_url, token) => {
    attempts.push({ token, at: Date.now() });
    if (!reachable) throw new AppError('server_unreachable', 'down');
    if (!valid(token)) throw new AppError('unauthorized', 'refused');
    let onMessage: (t: string) => void = () => {};
    let onClose: (c: number) => void = () => {};
    const conn = { close: (c: number) => (open.delete(conn), onClose(c)), send: (t: string) => onMessage(t) };
    open.add(conn);
    const c: StreamConnection = {
      onMessage: (l) => (onMessage = l),
      onClose: (l) => (onClose = l),
      close: () => open.delete(conn),
    };
    return c;
  };
  return {
    opener,
    attempts,
    open,
    drop: (code = 1006) => [...open].forEach((c) => c.close(code)),
    send: (text: string) => [...open].forEach((c) => c.send(text)),
    setReachable: (r: boolean) => (reachable = r),
  };
}

const push = (callId: string): CallPush => ({
  type: 'call',
  event: 'newCall',
  receivedAt: Date.now(),
  call: {
    id: `call_${callId}`,
    callId,
    direction: 'in',
    from: '+12065550101',
    to: '201',
    state: 'ringing',
    users: ['201'],
    answeredBy: null,
    startedAt: new Date().toISOString(),
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
    identification: {
      identified: true,
      ambiguous: false,
      siteId: 'site-northwind',
      siteName: 'Northwind Traders — Seattle',
      companyName: 'Northwind Traders',
      profileId: 'prof-dana',
      personName: 'Dana Reyes',
      e164: '+12065550101',
    },
  },
});

afterEach(() => vi.useRealTimers());

describe('CtiStreamClient', () => {
  it('derives ws:// and wss:// stream URLs from the server URL', () => {
    expect(streamUrl('http://127.0.0.1:4317')).toBe('ws://127.0.0.1:4317/v1/cti/stream');
    expect(streamUrl('https://callsign.example.com/')).toBe('wss://callsign.example.com/v1/cti/stream');
  });

  it('forwards valid call pushes and logs (not forwards) malformed messages', async () => {
    const { session, current } = await signedInSession();
    const server = fakeStreams((t) => t === current());
    const calls: CallPush[] = [];
    const errors: string[] = [];
    const client = new CtiStreamClient({
      open: server.opener,
      session,
      serverUrl: () => 'http://127.0.0.1:4317',
      onCall: (p) => calls.push(p),
      logError: (m) => errors.push(m),
    });
    client.start();
    await vi.waitFor(() => expect(client.connected).toBe(true));
    server.send(JSON.stringify(push('c1')));
    server.send('not json');
    server.send(JSON.stringify({ type: 'call', call: { id: 1 } }));
    expect(calls.map((c) => c.call.callId)).toEqual(['c1']);
    expect(errors).toHaveLength(2);
    client.stop();
    expect(server.open.size).toBe(0);
  });

  it('re-authenticates through the session’s single-flight refresh when the token is refused or expires (4001)', async () => {
    const { session, stats, current } = await signedInSession();
    let accept = 'none';
    const server = fakeStreams((t) => t === accept);
    accept = 'AT2'; // AT1 (from sign-in) is refused: the stream must refresh to AT2
    const client = new CtiStreamClient({ open: server.opener, session, serverUrl: () => 'http://h', onCall: () => {} });
    client.start();
    await vi.waitFor(() => expect(client.connected).toBe(true));
    expect(server.attempts.map((a) => a.token)).toEqual(['AT1', 'AT2']);
    expect(stats.refreshes).toBe(1);

    accept = 'AT3'; // the server now refuses AT2 and closes the stream: token expired
    server.drop(4001);
    await vi.waitFor(() => expect(client.connected).toBe(true));
    expect(server.attempts.map((a) => a.token)).toEqual(['AT1', 'AT2', 'AT2', 'AT3']);
    expect(stats.refreshes).toBe(2);
    expect(current()).toBe('AT3');
    client.stop();
  });

  it('shares one refresh among many streams refused at once', async () => {
    const { session, stats } = await signedInSession();
    const server = fakeStreams((t) => t === 'AT2');
    const clients = Array.from(
      { length: 25 },
      () => new CtiStreamClient({ open: server.opener, session, serverUrl: () => 'http://h', onCall: () => {} }),
    );
    clients.forEach((c) => c.start());
    await vi.waitFor(() => expect(clients.every((c) => c.connected)).toBe(true));
    expect(stats.refreshes).toBe(1);
    clients.forEach((c) => c.stop());
  });

  it('reconnects after a drop with exponential backoff, reset once a connection opens', async () => {
    vi.useFakeTimers({ now: 0 });
    const { session, current } = await signedInSession();
    const server = fakeStreams((t) => t === current());
    const client = new CtiStreamClient({
      open: server.opener,
      session,
      serverUrl: () => 'http://h',
      onCall: () => {},
      backoff: { initialMs: 100, maxMs: 800 },
      random: () => 1, // the ceiling itself: deterministic delays
    });
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.connected).toBe(true);
    server.setReachable(false);
    server.drop();
    const before = server.attempts.length;
    await vi.advanceTimersByTimeAsync(100 + 200 + 400 + 800 + 800);
    const gaps = server.attempts.slice(before).map((a, i, all) => a.at - (i === 0 ? 0 : all[i - 1]!.at));
    expect(gaps.slice(1)).toEqual([200, 400, 800, 800]);
    expect(client.connected).toBe(false);
    server.setReachable(true);
    await vi.advanceTimersByTimeAsync(800);
    expect(client.connected).toBe(true);
    server.setReachable(false);
    server.drop();
    const reset = server.attempts.length;
    await vi.advanceTimersByTimeAsync(100);
    expect(server.attempts.length).toBe(reset + 1); // back to the first delay
    client.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.attempts.length).toBe(reset + 1); // stopped: no more attempts
  });

  it('stops when the session is signed out', async () => {
    const { session } = await signedInSession();
    await session.logout();
    const server = fakeStreams(() => true);
    const client = new CtiStreamClient({ open: server.opener, session, serverUrl: () => 'http://h', onCall: () => {} });
    client.start();
    await tick(20);
    expect(server.attempts).toHaveLength(0);
    expect(client.connected).toBe(false);
  });
});
