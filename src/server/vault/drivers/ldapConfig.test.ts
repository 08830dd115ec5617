import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import { parseLdapConfig, userAttributeOf } from './ldapConfig.js';

const VALID = {
  url: 'ldaps://dc1.corp.example.com:636',
  bindDn: 'CN=callsign-rotator,OU=Service,DC=corp,DC=example,DC=com',
  bindPassword: 'service-account-secret',
  baseDn: 'OU=Staff,DC=corp,DC=example,DC=com',
  flavour: 'active-directory',
};

function failure(input: unknown): AppError {
  try {
    parseLdapConfig(input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  return expect.unreachable('expected the settings to be refused');
}

describe('parseLdapConfig', () => {
  it('accepts a site directory and fills the defaults', () => {
    const config = parseLdapConfig(VALID);
    expect(config.timeoutMs).toBe(5000);
    expect(userAttributeOf(config)).toBe('sAMAccountName');
    expect(userAttributeOf(parseLdapConfig({ ...VALID, url: 'ldap://ldap.example.com', flavour: 'openldap' }))).toBe(
      'uid',
    );
    expect(userAttributeOf(parseLdapConfig({ ...VALID, userAttribute: 'userPrincipalName' }))).toBe(
      'userPrincipalName',
    );
  });

  it.each(['url', 'bindDn', 'bindPassword', 'baseDn', 'flavour'])('names the missing field %s', (field) => {
    const input: Record<string, unknown> = { ...VALID };
    delete input[field];
    const err = failure(input);
    expect(err.field).toBe(`ldap.${field}`);
    expect(err.message.startsWith(`ldap.${field}: `)).toBe(true);
  });

  it.each([
    ['url', 'https://dc1.corp.example.com'],
    ['url', 'ldaps://dc1.corp.example.com/ou=people'],
    ['bindDn', 'callsign-rotator'],
    ['baseDn', ''],
    ['flavour', 'ad'],
    ['userAttribute', 'uid)(cn=*'],
    ['timeoutMs', 100],
    ['caCertPem', 'not a certificate'],
  ])('names the wrong field %s', (field, value) => {
    expect(failure({ ...VALID, [field]: value }).field).toBe(`ldap.${field}`);
  });

  it('refuses plain ldap:// for Active Directory, saying why', () => {
    const err = failure({ ...VALID, url: 'ldap://dc1.corp.example.com' });
    expect(err.field).toBe('ldap.url');
    expect(err.message).toContain(
      'Active Directory only accepts a password change (unicodePwd) over an encrypted connection',
    );
    expect(err.message).toContain('ldaps://');
  });

  it('refuses a CA certificate for an unencrypted URL', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const err = failure({ ...VALID, url: 'ldap://ldap.example.com', flavour: 'openldap', caCertPem: pem });
    expect(err.field).toBe('ldap.caCertPem');
    expect(parseLdapConfig({ ...VALID, caCertPem: pem }).caCertPem).toBe(pem);
  });

  it('on any input: returns a config or throws an AppError naming an ldap field, never echoing the password', () => {
    const field = fc.oneof(fc.string(), fc.constantFrom(...Object.values(VALID)), fc.integer(), fc.anything());
    const input = fc.oneof(
      fc.anything(),
      fc.record(
        {
          url: fc.oneof(field, fc.constantFrom('ldap://h', 'ldaps://h:636', 'ldap://')),
          bindDn: field,
          bindPassword: fc.string({ minLength: 8 }),
          baseDn: field,
          flavour: fc.oneof(field, fc.constantFrom('openldap', 'active-directory')),
          caCertPem: field,
          userAttribute: field,
          timeoutMs: fc.oneof(fc.integer(), fc.double(), field),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(input, (value) => {
        try {
          parseLdapConfig(value);
        } catch (err) {
          expect(err).toBeInstanceOf(AppError);
          expect((err as AppError).field ?? '').toMatch(/^ldap(\.|$)/);
          const password = (value as { bindPassword?: unknown } | null)?.bindPassword;
          if (typeof password === 'string' && password.trim().length >= 8) {
            expect((err as AppError).message).not.toContain(password);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
