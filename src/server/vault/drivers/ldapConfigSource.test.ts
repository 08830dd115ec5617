import { describe, expect, it } from 'vitest';
import { RotationError } from '../RotationDriver.js';
import { ldapConfigSource, type StoredDirectory } from './ldapConfigSource.js';

const STORED: StoredDirectory = {
  url: 'ldaps://dc1.corp.example.com:636',
  flavor: 'active_directory',
  bindDn: 'CN=callsign-rotator,OU=Service,DC=corp,DC=example,DC=com',
  baseDn: 'OU=NOC,DC=corp,DC=example,DC=com',
  bindPassword: 'stored-bind-secret',
};
const source = (rows: Record<string, StoredDirectory>) =>
  ldapConfigSource({ get: async (siteId) => rows[siteId] }, { timeoutMs: 4000 });

describe('ldapConfigSource', () => {
  it("maps the vault's stored directory to the driver's config", async () => {
    const config = await source({ s1: STORED })('s1');
    expect(config).toEqual({
      url: STORED.url,
      bindDn: STORED.bindDn,
      bindPassword: STORED.bindPassword,
      baseDn: STORED.baseDn,
      flavour: 'active-directory',
      timeoutMs: 4000,
    });
    expect((await source({ s1: { ...STORED, flavor: 'openldap', userAttribute: 'cn' } })('s1'))?.userAttribute).toBe(
      'cn',
    );
  });

  it('answers null for a site without a directory', async () => {
    expect(await source({})('s1')).toBeNull();
  });

  it('turns an unusable stored row into a RotationError naming the field, without the password', async () => {
    const err = await source({ s1: { ...STORED, url: 'ldap://dc1.corp.example.com' } })('s1').then(
      () => expect.unreachable('expected a RotationError'),
      (e: unknown) => e as RotationError,
    );
    expect(err).toBeInstanceOf(RotationError);
    expect(err.message).toContain('the directory settings of site s1 are not usable (ldap.url: Active Directory');
    expect(err.message).not.toContain(STORED.bindPassword);
  });
});
