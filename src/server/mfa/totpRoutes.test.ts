import { afterEach, describe, expect, it } from 'vitest';
import { SessionTokens, TotpConfirmed, TotpEnrolment } from '../../shared/auth/index.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { totpCode } from './totp.js';

let t: TestApp;
afterEach(() => t?.close());

const STEP = 30_000;

async function enrol(email = 'tech@callsign.demo') {
  const { accessToken } = await t.login(email);
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/totp/enroll',
    headers: bearer(accessToken),
    payload: { currentPassword: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const enrolment = TotpEnrolment.parse(res.json());
  return { accessToken, enrolment };
}

const password = (email = 'tech@callsign.demo', device = { name: 'Front desk', platform: 'windows' }) =>
  t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: TEST_PASSWORD, device } });
const totp = (payload: object) => t.app.inject({ method: 'POST', url: '/v1/auth/totp', payload });

describe('TOTP enrolment and sign-in', () => {
  it('enrols with a confirmed code, then requires a code at sign-in and binds the device', async () => {
    let now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const { accessToken, enrolment } = await enrol();
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.otpauthUri).toContain('tech%40callsign.demo');

    // Not on until confirmed: the password alone still signs in, and /v1/me says so.
    expect((await password()).json()).toHaveProperty('accessToken');
    const me = async () => (await t.app.inject({ method: 'GET', url: '/v1/me', headers: bearer(accessToken) })).json();
    expect(await me()).toMatchObject({ email: 'tech@callsign.demo', totpEnabled: false });

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp/confirm',
      headers: bearer(accessToken),
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toMatchObject({ code: 'invalid_code', field: 'code' });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp/confirm',
      headers: bearer(accessToken),
      payload: { code: totpCode(enrolment.secret, now) },
    });
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = TotpConfirmed.parse(confirm.json());
    expect(await me()).toMatchObject({ totpEnabled: true });
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = JSON.stringify(await t.all('select * from recovery_codes'));
    for (const c of recoveryCodes) expect(stored).not.toContain(c);
    // Enrolling again while on is refused.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/v1/auth/totp/enroll',
          headers: bearer(accessToken),
          payload: { currentPassword: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(409);

    const first = await password();
    expect(first.statusCode).toBe(200);
    const challenge = first.json();
    expect(challenge).toEqual({ mfaRequired: true, mfaToken: expect.stringMatching(/^csm_/), expiresIn: 300 });
    expect(challenge).not.toHaveProperty('accessToken');

    // Signing in straight away with the code just used to confirm says so, and to wait for the next.
    const reused = await totp({ mfaToken: challenge.mfaToken, code: totpCode(enrolment.secret, now) });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error).toMatchObject({ code: 'code_already_used', field: 'code' });
    expect(reused.json().error.message).toMatch(/^That code was just used.*Wait for the next code/);

    now += STEP; // the next code works
    const ok = await totp({ mfaToken: challenge.mfaToken, code: totpCode(enrolment.secret, now) });
    expect(ok.statusCode).toBe(200);
    const tokens = SessionTokens.parse(ok.json());
    expect(tokens.user.email).toBe('tech@callsign.demo');
    const devices = (
      await t.app.inject({ method: 'GET', url: '/v1/devices', headers: bearer(tokens.accessToken) })
    ).json().devices;
    expect(devices.find((d: { id: string }) => d.id === tokens.deviceId)).toMatchObject({
      name: 'Front desk',
      platform: 'windows',
      current: true,
    });

    // The mfaToken is single-use, and so is the code.
    expect((await totp({ mfaToken: challenge.mfaToken, code: totpCode(enrolment.secret, now) })).statusCode).toBe(401);
    const again = (await password()).json();
    const replay = await totp({ mfaToken: again.mfaToken, code: totpCode(enrolment.secret, now) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('code_already_used');
    expect((await totp({ mfaToken: again.mfaToken, code: '000000' })).json().error.code).toBe('invalid_code');

    const events = await t.all<{ type: string }>("select type from audit_log where type like 'auth.%' order by seq");
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['auth.totp_enrolled', 'auth.sign_in', 'auth.sign_in_failed']),
    );
  });

  it('allows 5 codes per mfaToken, then the sign-in must start again', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const { accessToken, enrolment } = await enrol();
    await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp/confirm',
      headers: bearer(accessToken),
      payload: { code: totpCode(enrolment.secret, now) },
    });
    const { mfaToken } = (await password()).json();
    for (let i = 4; i >= 0; i--) {
      const res = await totp({ mfaToken, code: '000000' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toContain(i > 0 ? `${i} tries left` : 'No tries left');
    }
    const sixth = await totp({ mfaToken, code: totpCode(enrolment.secret, now + STEP) });
    expect(sixth.statusCode).toBe(401);
    expect(sixth.json().error).toMatchObject({ code: 'unauthorized' });
    expect(sixth.json().error.message).toMatch(/Sign in again/);
  });

  it('accepts each recovery code once instead of a TOTP code', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const { accessToken, enrolment } = await enrol('noc@callsign.demo');
    const { recoveryCodes } = (
      await t.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/confirm',
        headers: bearer(accessToken),
        payload: { code: totpCode(enrolment.secret, now) },
      })
    ).json();
    const code = recoveryCodes[3] as string;
    const a = (await password('noc@callsign.demo')).json();
    const used = await totp({ mfaToken: a.mfaToken, recoveryCode: code.toLowerCase() });
    expect(used.statusCode).toBe(200);
    const b = (await password('noc@callsign.demo')).json();
    const reused = await totp({ mfaToken: b.mfaToken, recoveryCode: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().error).toMatchObject({ code: 'invalid_code', field: 'recoveryCode' });
    expect((await totp({ mfaToken: b.mfaToken, code: '123456', recoveryCode: code })).statusCode).toBe(400);
  });

  it('an admin can reset a lost authenticator; the password alone then signs in', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const { accessToken, enrolment } = await enrol();
    await t.app.inject({
      method: 'POST',
      url: '/v1/auth/totp/confirm',
      headers: bearer(accessToken),
      payload: { code: totpCode(enrolment.secret, now) },
    });
    expect((await password()).json()).toHaveProperty('mfaRequired', true);
    const admin = await t.login('admin@callsign.demo');
    const user = await t.services.users.findByEmail('tech@callsign.demo');
    const reset = await t.app.inject({
      method: 'DELETE',
      url: `/v1/admin/users/${user!.id}/totp`,
      headers: bearer(admin.accessToken),
    });
    expect(reset.statusCode).toBe(204);
    expect((await password()).json()).toHaveProperty('accessToken');
  });
});
