/**
 * The `ldap` driver against a real OpenLDAP (a throwaway slapd per file: slapdServer.testkit.ts).
 * Skipped with a notice when this machine has no slapd (scripts/ensure-slapd.sh installs it).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RotationError, type RotationTarget } from '../RotationDriver.js';
import { parseLdapConfig, type LdapDirectoryConfig } from './ldapConfig.js';
import { LdapDriver } from './LdapDriver.js';
import {
  findSlapd,
  INITIAL_PASSWORDS,
  PEOPLE_DN,
  ROTATOR_DN,
  ROTATOR_PASSWORD,
  SLAPD_SKIP_NOTICE,
  startSlapd,
  type SlapdServer,
} from './testing/slapdServer.testkit.js';

const slapd = findSlapd();
if (!slapd) console.warn(SLAPD_SKIP_NOTICE);

const target = (username: string, siteId = 'site-1'): RotationTarget => ({
  credentialId: `cred-${username}`,
  siteId,
  username,
  accountType: 'domain',
  domain: 'example.test',
});

/** Catches the RotationError a call must throw, and proves it carries none of the secrets. */
async function rotationError(call: Promise<unknown>, secrets: string[]): Promise<RotationError> {
  const err = await call.then(
    () => expect.unreachable('expected a RotationError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RotationError);
  const message = (err as RotationError).message;
  for (const s of secrets) expect(message).not.toContain(s);
  return err as RotationError;
}

describe.skipIf(!slapd)('LdapDriver on a real OpenLDAP', () => {
  let server: SlapdServer;
  let config: LdapDirectoryConfig;
  let driver: LdapDriver;
  const secrets = new Set<string>([ROTATOR_PASSWORD, ...Object.values(INITIAL_PASSWORDS)]);
  const secret = (s: string) => (secrets.add(s), s);

  beforeAll(async () => {
    server = await startSlapd();
    config = parseLdapConfig({
      url: server.url,
      bindDn: ROTATOR_DN,
      bindPassword: ROTATOR_PASSWORD,
      baseDn: PEOPLE_DN,
      flavour: 'openldap',
      timeoutMs: 2000,
    });
    driver = new LdapDriver(async (siteId) => (siteId === 'site-1' ? config : null));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('sets a new password with Password Modify: the new one binds, the old one no longer does', async () => {
    const dn = server.userDn('nocadmin');
    const next = secret('N3wSecretAbc1');
    await driver.setPassword(target('nocadmin'), INITIAL_PASSWORDS.nocadmin, next);
    expect(await server.bindWorks(dn, next)).toBe(true);
    expect(await server.bindWorks(dn, INITIAL_PASSWORDS.nocadmin)).toBe(false);
    // Idempotent: the vault may repeat a rotation after a crash or a timeout.
    await driver.setPassword(target('nocadmin'), next, next);
    expect(await server.bindWorks(dn, next)).toBe(true);
    // Other accounts are untouched.
    expect(await server.bindWorks(server.userDn('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
  });

  it('finds the account from DOMAIN\\name and name@domain forms of the username', async () => {
    const next = secret('Dom4inFormXyz');
    await driver.setPassword(target('EXAMPLE\\alice'), INITIAL_PASSWORDS.alice, next);
    expect(await driver.verify(target('alice@example.test'), next)).toBe(true);
    await driver.setPassword(target('alice@example.test'), next, INITIAL_PASSWORDS.alice);
    expect(await server.bindWorks(server.userDn('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
  });

  it('rotates an account whose DN needs escaping (a comma, a plus, a quote in the name)', async () => {
    const uid = 'o"brien, pat+noc';
    await server.addUser(uid, 'Initial1pat');
    const next = secret('Escaped1DnAbc');
    await driver.setPassword(target(uid), 'Initial1pat', next);
    expect(await server.bindWorks(server.userDn(uid), next)).toBe(true);
    expect(await driver.verify(target(uid), next)).toBe(true);
    expect(await driver.verify(target(uid), 'Initial1pat')).toBe(false);
  });

  it('verify: true for the working secret, false for a wrong or empty one', async () => {
    expect(await driver.verify(target('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
    expect(await driver.verify(target('alice'), 'Wrong1password')).toBe(false);
    // An empty password would be an unauthenticated bind, which slapd accepts as anonymous.
    expect(await driver.verify(target('alice'), '')).toBe(false);
  });

  it('matches the username literally: filter metacharacters find no account and change nothing', async () => {
    for (const username of ['*)(uid=*', '*', 'alice)(|(uid=*', 'nocadmin*', '\\2a']) {
      const err = await rotationError(driver.setPassword(target(username), 'x', secret('Meta1charsAbc')), [...secrets]);
      expect(err.message).toContain('no account with uid=');
      const verifyErr = await rotationError(driver.verify(target(username), INITIAL_PASSWORDS.alice), [...secrets]);
      expect(verifyErr.message).toContain('no account with uid=');
    }
    expect(await server.bindWorks(server.userDn('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
    expect(await server.bindWorks(server.userDn('alice'), 'Meta1charsAbc')).toBe(false);
  });

  it('directory down: a RotationError naming the URL, the old password still works, a retry after start succeeds', async () => {
    await server.addUser('bob', 'Initial1bob');
    const dn = server.userDn('bob');
    const next = secret('AfterRestart1x');
    await server.stop();
    try {
      const err = await rotationError(driver.setPassword(target('bob'), 'Initial1bob', next), [...secrets]);
      expect(err.message).toContain(server.url);
      expect(err.message).toContain('refused the connection');
      expect(err.message).toContain('the old password stays in use');
      // verify cannot answer either: it throws rather than guessing.
      await rotationError(driver.verify(target('bob'), 'Initial1bob'), [...secrets]);
    } finally {
      await server.start();
    }
    expect(await server.bindWorks(dn, 'Initial1bob')).toBe(true);
    await driver.setPassword(target('bob'), 'Initial1bob', next);
    expect(await server.bindWorks(dn, next)).toBe(true);
    expect(await server.bindWorks(dn, 'Initial1bob')).toBe(false);
  });

  it('a wrong service account password: a RotationError saying the service account was refused', async () => {
    const wrong = secret('not-the-rotator-password');
    const bad = new LdapDriver(async () => ({ ...config, bindPassword: wrong }));
    const err = await rotationError(bad.setPassword(target('alice'), 'x', secret('Never1setAbc')), [...secrets]);
    expect(err.message).toContain(`refused the service account ${ROTATOR_DN}`);
    expect(err.message).toContain(server.url);
    expect(await server.bindWorks(server.userDn('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
  });

  it('a service account without write access: a RotationError saying which right to grant', async () => {
    // alice may bind and search, but not change another user's password (the ACL grants that to the rotator).
    const weak = new LdapDriver(async () => ({
      ...config,
      bindDn: server.userDn('alice'),
      bindPassword: INITIAL_PASSWORDS.alice,
    }));
    const err = await rotationError(weak.setPassword(target('nocadmin'), 'x', secret('NoRight1sAbc')), [...secrets]);
    expect(err.message).toMatch(/may not do this while changing the password; grant it write access to userPassword/);
    expect(await server.bindWorks(server.userDn('nocadmin'), 'NoRight1sAbc')).toBe(false);
  });

  it('a site without a directory configured: a RotationError saying an administrator must add it', async () => {
    const err = await rotationError(driver.setPassword(target('alice', 'site-2'), 'x', 'Whatever1abc'), []);
    expect(err.message).toMatch(/site site-2 has no directory configured/);
  });

  it('rotates many accounts concurrently, each on its own connection', async () => {
    const users = Array.from({ length: 12 }, (_, i) => `conc${i}`);
    for (const u of users) await server.addUser(u, `Initial1${u}`);
    await Promise.all(users.map((u) => driver.setPassword(target(u), `Initial1${u}`, secret(`Rotated1${u}`))));
    const checks = await Promise.all(
      users.flatMap((u) => [driver.verify(target(u), `Rotated1${u}`), driver.verify(target(u), `Initial1${u}`)]),
    );
    expect(checks).toEqual(users.flatMap(() => [true, false]));
  });
});

describe('LdapDriver against a directory that does not answer', () => {
  let silent: Server;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // Accepts TCP connections and never says a word: what a hung directory looks like.
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    url = `ldap://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives up after timeoutMs with a RotationError saying so, and the old password stays in use', async () => {
    const config = parseLdapConfig({
      url,
      bindDn: ROTATOR_DN,
      bindPassword: ROTATOR_PASSWORD,
      baseDn: PEOPLE_DN,
      flavour: 'openldap',
      timeoutMs: 500,
    });
    const driver = new LdapDriver(async () => config);
    const started = Date.now();
    const err = await rotationError(driver.setPassword(target('alice'), 'Old1password', 'New1password'), [
      ROTATOR_PASSWORD,
      'Old1password',
      'New1password',
    ]);
    const took = Date.now() - started;
    expect(err.message).toBe(
      `the directory at ${url} did not answer within 0.5 s while signing in as the service account; the old password stays in use`,
    );
    expect(took).toBeGreaterThanOrEqual(450);
    expect(took).toBeLessThan(3000);
    await rotationError(driver.verify(target('alice'), 'Old1password'), ['Old1password']);
  });
});
