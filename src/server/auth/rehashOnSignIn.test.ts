import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../app.js';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';
import { openTestDatabase } from '../testing/testDatabase.js';
import { DEFAULT_SCRYPT, hashPassword } from './password.js';

let database: AnyServerDatabase | undefined;
afterEach(() => database?.close());

const PASSWORD = 'a long enough password';

describe('sign-in rehash', () => {
  it('upgrades a hash made with N=2^15 to the current N=2^17 on a successful sign-in', async () => {
    database = await openTestDatabase();
    const services = createServices(database, { scrypt: DEFAULT_SCRYPT });
    const user = await services.users.create({
      email: 'old@example.test',
      name: 'Old',
      role: 'technician',
      password: 'x',
    });
    const old = await hashPassword(PASSWORD, { N: 2 ** 15, r: 8, p: 1 });
    await database.db.updateTable('users').set({ password_hash: old }).where('id', '=', user.id).execute();

    await expect(services.auth.login('old@example.test', 'wrong password', '10.0.0.1')).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect((await services.users.findById(user.id))!.password_hash).toBe(old); // a wrong password changes nothing

    const signedIn = await services.auth.login('old@example.test', PASSWORD, '10.0.0.1');
    expect(signedIn).toHaveProperty('accessToken');
    const stored = (await services.users.findById(user.id))!.password_hash;
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    // The new hash still verifies: the next sign-in works and leaves it as it is.
    await services.auth.login('old@example.test', PASSWORD, '10.0.0.1');
    expect((await services.users.findById(user.id))!.password_hash).toBe(stored);
  }, 20_000);
});
