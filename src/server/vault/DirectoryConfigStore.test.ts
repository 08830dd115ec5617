import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/index.js';
import { ServerKey } from '../crypto/serverKey.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { DirectoryConfigStore } from './DirectoryConfigStore.js';
import { VaultCipher } from './vaultCipher.js';

const AD = {
  url: 'ldaps://dc01.corp.example.com:636',
  flavor: 'active_directory',
  bindDn: 'CN=svc-callsign,OU=Service,DC=corp,DC=example,DC=com',
  baseDn: 'DC=corp,DC=example,DC=com',
  bindPassword: 'Bind-Password-42',
};
const OPENLDAP = {
  ...AD,
  url: 'ldap://ldap.example.com:389',
  flavor: 'openldap',
  baseDn: 'ou=people,dc=example,dc=com',
};

let database: ServerDatabase;
let store: DirectoryConfigStore;
beforeEach(async () => {
  database = await openDatabase(':memory:');
  store = new DirectoryConfigStore(database.db, new VaultCipher(ServerKey.generate()), () => 1_000);
});
afterEach(() => database.close());

function refusal(run: () => Promise<unknown>): Promise<AppError> {
  return run().then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as AppError,
  );
}

describe('DirectoryConfigStore', () => {
  it('defaults the naming attribute by flavour: sAMAccountName for Active Directory, uid for OpenLDAP', async () => {
    expect((await store.set('site-ad', AD)).userAttribute).toBe('sAMAccountName');
    expect((await store.get('site-ad'))?.userAttribute).toBe('sAMAccountName');
    await store.set('site-ol', OPENLDAP);
    expect((await store.get('site-ol'))?.userAttribute).toBe('uid');
    await store.set('site-cn', { ...AD, userAttribute: 'userPrincipalName' });
    expect((await store.get('site-cn'))?.userAttribute).toBe('userPrincipalName');
  });

  it('refuses what the ldap driver would refuse, naming the field without echoing a value, and stores nothing', async () => {
    const badDn = await refusal(() => store.set('site-x', { ...OPENLDAP, baseDn: 'people at example' }));
    expect([badDn.code, badDn.field]).toEqual(['bad_request', 'baseDn']);
    expect(badDn.message).not.toContain('people at example');
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const caOnPlain = await refusal(() => store.set('site-x', { ...OPENLDAP, caCertPem: ca }));
    expect([caOnPlain.code, caOnPlain.field]).toEqual(['bad_request', 'caCertPem']);
    const badBind = await refusal(() => store.set('site-x', { ...OPENLDAP, bindDn: 'svc-callsign' }));
    expect(badBind.field).toBe('bindDn');
    expect(JSON.stringify([badDn, caOnPlain, badBind].map((e) => e.message))).not.toContain('Bind-Password-42');
    expect(await store.get('site-x')).toBeUndefined();
  });
});
