import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import * as m0006 from '../db/migrations/0006_keys_at_rest.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';
import { newTotpSecret, totpCode } from './totp.js';

let t: TestApp;
afterEach(() => t?.close());

const userOf = async (email: string) => (await t.services.users.findByEmail(email))!;
const storedSecret = async (userId: string) =>
  (await t.get<{ secret: string }>('select secret from totp_credentials where user_id = ?', userId))!.secret;

/** Password then TOTP code through the routes: true when it signs in. */
async function signInWithCode(email: string, secret: string, at: number): Promise<boolean> {
  const first = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  const { mfaToken } = first.json();
  expect(mfaToken).toEqual(expect.any(String));
  const res = await t.app.inject({
    method: 'POST',
    url: '/v1/auth/totp',
    payload: { mfaToken, code: totpCode(secret, at) },
  });
  return res.statusCode === 200;
}

describe('TOTP secrets at rest', () => {
  it('are stored sealed with the server key, bound to their user, and still verify', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const tech = await userOf('tech@callsign.demo');
    const enrolment = await t.services.platform.mfa.start(tech);
    const stored = await storedSecret(tech.id);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(enrolment.secret);
    await t.services.platform.mfa.confirm(tech.id, totpCode(enrolment.secret, now));
    expect(await storedSecret(tech.id)).toBe(stored);
    expect(await signInWithCode('tech@callsign.demo', enrolment.secret, now + 30_000)).toBe(true);

    // The sealed value copied to another account's row does not open there (AAD = totp:<userId>).
    const noc = await userOf('noc@callsign.demo');
    await t.db
      .insertInto('totp_credentials')
      .values({ user_id: noc.id, secret: stored, created_at: now, confirmed_at: now, last_step: null })
      .execute();
    expect(await signInWithCode('noc@callsign.demo', enrolment.secret, now + 60_000)).toBe(false);
  });

  it('migration 0006 marks plain secrets; they verify and are sealed by sealPlainSecrets()', async () => {
    const now = Date.UTC(2026, 10, 23, 9, 0, 0);
    t = await createTestApp({ now: () => now });
    const tech = await userOf('tech@callsign.demo');
    const secret = newTotpSecret();
    // A row as a version before 0006 wrote it: the base32 secret in plain text.
    await t.db
      .insertInto('totp_credentials')
      .values({ user_id: tech.id, secret, created_at: now, confirmed_at: now, last_step: null })
      .execute();
    await m0006.up(t.db as unknown as Kysely<unknown>);
    expect(await storedSecret(tech.id)).toBe(`plain:${secret}`);
    await m0006.up(t.db as unknown as Kysely<unknown>); // idempotent: never marks twice
    expect(await storedSecret(tech.id)).toBe(`plain:${secret}`);
    // Used before the start-up sweep: it verifies, and is sealed on the way.
    expect(await signInWithCode('tech@callsign.demo', secret, now)).toBe(true);
    expect(await storedSecret(tech.id)).toMatch(/^v1\./);

    // The start-up sweep seals the rest.
    const noc = await userOf('noc@callsign.demo');
    await t.db
      .insertInto('totp_credentials')
      .values({ user_id: noc.id, secret: `plain:${secret}`, created_at: now, confirmed_at: now, last_step: null })
      .execute();
    expect(await t.services.platform.mfa.sealPlainSecrets()).toBe(1);
    const sealed = await storedSecret(noc.id);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain(secret);
    expect(await t.services.platform.mfa.sealPlainSecrets()).toBe(0);
    expect(await signInWithCode('noc@callsign.demo', secret, now + 30_000)).toBe(true);
    expect(await signInWithCode('tech@callsign.demo', secret, now + 30_000)).toBe(true);
  });
});
