/** Test helper: turns two-step sign-in on for a signed-in account through the routes, as a person does. */
import { expect } from 'vitest';
import { TotpConfirmed, TotpEnrolment } from '../../shared/auth/index.js';
import { totpCode } from '../mfa/totp.js';
import { bearer, TEST_PASSWORD, type TestApp } from './createTestApp.js';

export async function turnOnTotp(
  t: TestApp,
  accessToken: string,
  now: number,
  currentPassword = TEST_PASSWORD,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrol = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/totp/enroll',
    headers: bearer(accessToken),
    payload: { currentPassword },
  });
  expect(enrol.statusCode, enrol.body).toBe(200);
  const { secret } = TotpEnrolment.parse(enrol.json());
  const confirm = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/totp/confirm',
    headers: bearer(accessToken),
    payload: { code: totpCode(secret, now) },
  });
  expect(confirm.statusCode, confirm.body).toBe(200);
  return { secret, recoveryCodes: TotpConfirmed.parse(confirm.json()).recoveryCodes };
}
