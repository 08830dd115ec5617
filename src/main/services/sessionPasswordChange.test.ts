/**
 * Main's side of one-time passwords and password changes (issue 16): the passwordChangeToken stays
 * in main, the new password goes to the server once (never in a URL), and the offline-unlock
 * verifier follows the person's own password — never the one-time one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, type FetchLike } from './apiClient.js';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';
import { KeyFileSecretStore } from './keyFileSecretStore.js';
import { OfflineUnlock } from './offlineUnlock.js';
import { MemorySecretStore } from './secretStore.js';
import { SessionService } from './sessionService.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const OTP = 'abcde-FGHJK-mnpqr-STUVW';
const MINE = 'my own staple battery horse';
const STEP = { passwordChangeRequired: true, passwordChangeToken: 'csp_step', expiresIn: 600 };
const tokens = (at: string) => ({ accessToken: at, refreshToken: `R${at}`, expiresIn: 900, user, deviceId: 'd1' });

describe('session.choosePassword', () => {
  it('a one-time password leaves main signed out with the step open; the own password signs in', async () => {
    const bodies: unknown[] = [];
    const routes: Answer = ({ path, body }) => {
      if (path === '/v1/auth/login') return json(200, STEP);
      if (path === '/v1/auth/password/choose') return (bodies.push(body), json(200, tokens('AT9')));
      if (path === '/v1/me') return json(200, { ...user, totpEnabled: false });
      return undefined;
    };
    const { client, calls } = handlersBehindFakeServer(user, routes);
    const status = await client.invoke('session.login', { email: user.email, password: OTP });
    expect(status).toMatchObject({ signedIn: false, passwordChangeRequired: true });
    expect(JSON.stringify(status)).not.toContain('csp_step');
    await expect(client.invoke('sync.pull', { since: 0, limit: 10 })).rejects.toMatchObject({ code: 'not_signed_in' });
    // The shared rules are checked in main first, naming the field.
    await expect(client.invoke('session.choosePassword', { newPassword: 'short' })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'newPassword',
    });

    const done = await client.invoke('session.choosePassword', { newPassword: MINE });
    expect(done).toMatchObject({ signedIn: true, user, totpEnabled: false });
    expect(done.passwordChangeRequired).toBeUndefined();
    expect(bodies).toEqual([{ passwordChangeToken: 'csp_step', newPassword: MINE }]);
    expect(calls).toEqual(['POST /v1/auth/login', 'POST /v1/auth/password/choose', 'GET /v1/me Bearer AT9']);
    expect(calls.join()).not.toContain(MINE);
  });

  it('after the TOTP code too; an expired step closes it so the person starts again', async () => {
    let chooseAnswer = json(401, { error: { code: 'unauthorized', message: 'This step has expired.' } });
    const routes: Answer = ({ path }) => {
      if (path === '/v1/auth/login') return json(200, { mfaRequired: true, mfaToken: 'csm_1', expiresIn: 300 });
      if (path === '/v1/auth/totp') return json(200, STEP);
      if (path === '/v1/auth/password/choose') return chooseAnswer;
      return undefined;
    };
    const { client } = handlersBehindFakeServer(user, routes);
    expect(await client.invoke('session.login', { email: user.email, password: OTP })).toMatchObject({
      mfaRequired: true,
    });
    const step = await client.invoke('session.totp', { code: '123456' });
    expect(step).toMatchObject({ signedIn: false, passwordChangeRequired: true });
    expect(step.mfaRequired).toBeUndefined();
    await expect(client.invoke('session.choosePassword', { newPassword: MINE })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect((await client.invoke('session.status', {})).passwordChangeRequired).toBeUndefined();
    chooseAnswer = json(200, tokens('AT3'));
    await expect(client.invoke('session.choosePassword', { newPassword: MINE })).rejects.toMatchObject({
      code: 'not_signed_in',
    });
  });
});

describe('account.changePassword', () => {
  it('sends both passwords in the body with the bearer token; the rules are checked in main first', async () => {
    const bodies: unknown[] = [];
    const routes: Answer = ({ path, body }) =>
      path === '/v1/auth/password' ? (bodies.push(body), json(204)) : undefined;
    const { client, calls } = handlersBehindFakeServer(user, routes);
    await client.invoke('session.login', { email: user.email, password: 'correct horse battery' });
    await expect(
      client.invoke('account.changePassword', { currentPassword: MINE, newPassword: MINE }),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'newPassword' });
    expect(
      await client.invoke('account.changePassword', { currentPassword: 'correct horse battery', newPassword: MINE }),
    ).toEqual({ changed: true });
    expect(bodies).toEqual([{ currentPassword: 'correct horse battery', newPassword: MINE }]);
    expect(calls).toEqual(['POST /v1/auth/login', 'POST /v1/auth/password Bearer AT1']);
    expect((await client.invoke('session.status', {})).signedIn).toBe(true);
  });
});

describe('offline unlock follows the own password', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('never remembers the one-time password; remembers the chosen one, then the changed one', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-pw-'));
    let online = true;
    const fetchImpl = (async (url: URL | RequestInfo, init?: RequestInit) => {
      if (!online) throw new TypeError('fetch failed');
      const path = new URL(String(url)).pathname;
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { password?: string }) : {};
      if (path === '/v1/auth/login') return json(200, body.password === OTP ? STEP : tokens('AT1'));
      if (path === '/v1/auth/password/choose') return json(200, tokens('AT2'));
      if (path === '/v1/auth/password') return new Response(null, { status: 204 });
      return json(200, { ...user, totpEnabled: false });
    }) as FetchLike;
    const run = () =>
      new SessionService(
        new ApiClient(() => 'http://127.0.0.1:4317', fetchImpl),
        new MemorySecretStore(),
        () => 'http://127.0.0.1:4317',
        undefined,
        undefined,
        new OfflineUnlock(new KeyFileSecretStore(dir), { N: 2 ** 10, r: 8, p: 1 }),
      );
    const offlineTry = async (password: string) => {
      online = false;
      const s = run();
      const signedIn = await s.login(user.email, password).then(
        (st) => st.signedIn,
        () => false,
      );
      online = true;
      return signedIn;
    };

    const first = run();
    await first.login(user.email, OTP);
    expect(await offlineTry(OTP)).toBe(false);
    await first.choosePassword(MINE);
    expect(await offlineTry(MINE)).toBe(true);
    await first.changePassword(MINE, 'an even longer password here');
    expect(await offlineTry(MINE)).toBe(false);
    expect(await offlineTry('an even longer password here')).toBe(true);
  });
});
