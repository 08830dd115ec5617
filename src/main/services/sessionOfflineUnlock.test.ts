import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors.js';
import { ApiClient, type FetchLike } from './apiClient.js';
import { KeyFileSecretStore } from './keyFileSecretStore.js';
import { OfflineUnlock } from './offlineUnlock.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const PASSWORD = 'Correct-Horse-Battery-9';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const unreachable = () => {
  throw new TypeError('fetch failed');
};

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** One run of the web bridge: refresh token in memory, the verifier in the data folder's key-file store. */
function bridgeRun(serve: { answer: (path: string) => Response }) {
  const fetchImpl = (async (url: URL | RequestInfo) => serve.answer(new URL(String(url)).pathname)) as FetchLike;
  const api = new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl);
  const offline = new OfflineUnlock(new KeyFileSecretStore(dir), { N: 2 ** 10, r: 8, p: 1 });
  return new SessionService(api, new MemorySecretStore(), () => 'http://127.0.0.1:4317', undefined, undefined, offline);
}

describe('offline unlock after a restart with the server down (web bridge)', () => {
  it('opens the cache for the last user with their password, read-only, until the server is back', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-offline-'));
    const serve = {
      answer: (path: string): Response =>
        path === '/v1/auth/login'
          ? json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' })
          : json(200, {}),
    };
    await bridgeRun(serve).login('tech@callsign.demo', PASSWORD);

    // Restart; the server is down. Before this change the sign-in failed with server_unreachable.
    serve.answer = unreachable;
    const session = bridgeRun(serve);
    await session.resume();
    expect(session.status().signedIn).toBe(false);
    await expect(session.login('tech@callsign.demo', 'not-it')).rejects.toMatchObject({
      code: 'invalid_credentials',
      field: 'password',
    });
    expect(session.status().signedIn).toBe(false);
    await expect(session.login('someone@else.demo', PASSWORD)).rejects.toMatchObject({ code: 'server_unreachable' });

    expect(await session.login('tech@callsign.demo', PASSWORD)).toMatchObject({
      signedIn: true,
      user,
      online: false,
      offlineUnlocked: true,
    });
    // Nothing that needs the server works, and nothing signs the user out while it is down.
    let sent = 0;
    const call = () => session.authorized(async () => ++sent);
    await expect(call()).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(session.status()).toMatchObject({ signedIn: true, offlineUnlocked: true });
    expect(sent).toBe(0);

    // The server answers again: the offline session ends and a normal sign-in is asked for.
    serve.answer = () => json(200, { status: 'ok' });
    await expect(call()).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(session.status()).toMatchObject({ signedIn: false });
    expect(session.status().offlineUnlocked).toBeUndefined();
    expect(sent).toBe(0);
  });

  it('a wiped device removes the verifier: no offline unlock after it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-offline-'));
    const serve = {
      answer: (path: string): Response =>
        path === '/v1/auth/login'
          ? json(200, { accessToken: 'AT1', refreshToken: 'RT1', expiresIn: 900, user, deviceId: 'd1' })
          : json(200, {}),
    };
    const session = bridgeRun(serve);
    await session.login('tech@callsign.demo', PASSWORD);
    await expect(
      session.authorized(async () => {
        throw new AppError('device_revoked', 'An administrator signed this device out.');
      }),
    ).rejects.toMatchObject({ code: 'device_revoked' });
    serve.answer = unreachable;
    await expect(bridgeRun(serve).login('tech@callsign.demo', PASSWORD)).rejects.toMatchObject({
      code: 'server_unreachable',
    });
  });
});
