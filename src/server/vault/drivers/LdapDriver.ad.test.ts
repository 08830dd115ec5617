/**
 * The `ldap` driver's Active Directory path and LDAPS, against slapd standing in for a domain
 * controller (slapdServer.testkit.ts: a private CA, sAMAccountName and unicodePwd). A real AD is
 * what judges the password itself; this proves the driver finds the account, trusts only the
 * site's CA and writes exactly the unicodePwd value AD expects.
 */
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
import { hasOpenssl } from './testing/testCertificates.testkit.js';

const runnable = !!findSlapd() && hasOpenssl();
if (!runnable) console.warn(`${SLAPD_SKIP_NOTICE} (The LDAPS tests also need the openssl command.)`);

const target = (username: string): RotationTarget => ({
  credentialId: 'cred-ad',
  siteId: 'site-ad',
  username,
  accountType: 'domain',
  domain: 'corp.example.test',
});

describe.skipIf(!runnable)('LdapDriver: Active Directory flavour over LDAPS (slapd stand-in)', () => {
  let server: SlapdServer;
  let ad: LdapDirectoryConfig;

  beforeAll(async () => {
    server = await startSlapd({ tls: true });
    ad = parseLdapConfig({
      url: server.ldapsUrl,
      bindDn: ROTATOR_DN,
      bindPassword: ROTATOR_PASSWORD,
      baseDn: PEOPLE_DN,
      caCertPem: server.caCertPem,
      flavour: 'active-directory',
      timeoutMs: 3000,
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('replaces unicodePwd with the quoted UTF-16LE password, finding the account by sAMAccountName', async () => {
    const driver = new LdapDriver(async () => ad);
    await driver.setPassword(target('CORP\\adtester'), 'unknown', 'Ad1NewSecret');
    const stored = await server.readAttribute(server.userDn('adtester'), 'unicodePwd');
    expect(stored?.equals(Buffer.from('"Ad1NewSecret"', 'utf16le'))).toBe(true);
    // The OpenLDAP path was not taken: userPassword is still absent on this entry.
    expect(await server.readAttribute(server.userDn('adtester'), 'userPassword')).toBeUndefined();
  });

  it("refuses a directory whose certificate is not signed by the site's CA, writing nothing", async () => {
    const { caCertPem: _, ...withoutCa } = ad;
    const driver = new LdapDriver(async () => withoutCa);
    const before = await server.readAttribute(server.userDn('adtester'), 'unicodePwd');
    const err = await driver.setPassword(target('adtester'), 'x', 'Ad1Untrusted').then(
      () => expect.unreachable('expected a RotationError'),
      (e: unknown) => e as RotationError,
    );
    expect(err).toBeInstanceOf(RotationError);
    expect(err.message).toMatch(/^the certificate of the directory at ldaps:\/\/127\.0\.0\.1:\d+\/ is not trusted \(/);
    expect(err.message).toContain("add the CA certificate that signed it to the site's directory settings");
    expect(err.message).not.toContain('Ad1Untrusted');
    expect(await server.readAttribute(server.userDn('adtester'), 'unicodePwd')).toEqual(before);
  });

  it('runs the OpenLDAP flavour over LDAPS with the CA too', async () => {
    const driver = new LdapDriver(async () => ({ ...ad, flavour: 'openldap' as const, userAttribute: undefined }));
    expect(await driver.verify(target('alice'), INITIAL_PASSWORDS.alice)).toBe(true);
    await driver.setPassword(target('alice'), INITIAL_PASSWORDS.alice, 'Tls1RotatedAbc');
    expect(await server.bindWorks(server.userDn('alice'), 'Tls1RotatedAbc')).toBe(true);
  });
});
