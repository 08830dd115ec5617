import fc from 'fast-check';
import { BerReader } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { accountName, passwordModifyValue, unicodePwdValue } from './ldapEncoding.js';

describe('passwordModifyValue (RFC 3062 PasswdModifyRequestValue)', () => {
  it('is SEQUENCE { [0] userIdentity, [2] newPasswd } in DER', () => {
    const bytes = passwordModifyValue('uid=a,dc=b', 'pw');
    expect(bytes.toString('hex')).toBe(
      '3010' + '800a' + Buffer.from('uid=a,dc=b').toString('hex') + '8202' + Buffer.from('pw').toString('hex'),
    );
  });

  it('round-trips any DN and password, long-form lengths and UTF-8 included', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 400, unit: 'grapheme' }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (dn, pw) => {
          const reader = new BerReader(passwordModifyValue(dn, pw));
          expect(reader.readSequence(0x30)).toBe(0x30);
          expect(reader.readString(0x80)).toBe(dn);
          expect(reader.readString(0x82)).toBe(pw);
          expect(reader.remain).toBe(0);
        },
      ),
    );
  });
});

describe('unicodePwdValue (Active Directory)', () => {
  it('is the password in double quotes, UTF-16LE', () => {
    expect(unicodePwdValue('Ab1').toString('hex')).toBe('22004100620031002200');
    expect(unicodePwdValue('é').equals(Buffer.from('"é"', 'utf16le'))).toBe(true);
  });
});

describe('accountName', () => {
  it('takes the bare name of DOMAIN\\name and name@domain, keeping its case', () => {
    expect(accountName('CORP\\NocAdmin', 'sAMAccountName')).toBe('NocAdmin');
    expect(accountName('nocadmin@corp.example.com', 'uid')).toBe('nocadmin');
    expect(accountName(' nocadmin ', 'uid')).toBe('nocadmin');
  });

  it('keeps the whole name for userPrincipalName', () => {
    expect(accountName('nocadmin@corp.example.com', 'userPrincipalName')).toBe('nocadmin@corp.example.com');
  });
});
