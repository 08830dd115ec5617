/**
 * The bytes the `ldap` driver puts on the wire for a password change. Both values carry the new
 * secret: they go straight into an ldapts request and are never logged (note: running the server
 * with NODE_DEBUG=ldapts makes ldapts print every request, these included — never in production).
 */
import { BerWriter } from 'ldapts';

/** RFC 3062 LDAP Password Modify extended operation. */
export const PASSWORD_MODIFY_OID = '1.3.6.1.4.1.4203.1.11.1';

// PasswdModifyRequestValue ::= SEQUENCE { userIdentity [0] OCTET STRING OPTIONAL,
//   oldPasswd [1] OCTET STRING OPTIONAL, newPasswd [2] OCTET STRING OPTIONAL }  — context-specific,
// primitive tags 0x80 / 0x81 / 0x82.
const TAG_USER_IDENTITY = 0x80;
const TAG_NEW_PASSWORD = 0x82;

/**
 * The request value for an administrative reset: the service account names the user by DN and sets
 * `newPassword` without the old one (the directory's ACL decides whether it may).
 */
export function passwordModifyValue(userDn: string, newPassword: string): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeString(userDn, TAG_USER_IDENTITY);
  writer.writeString(newPassword, TAG_NEW_PASSWORD);
  writer.endSequence();
  return writer.buffer;
}

/** Active Directory's unicodePwd value: the password in double quotes, encoded UTF-16LE. */
export function unicodePwdValue(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/**
 * The name to match against the directory's username attribute: `DOMAIN\name` and `name@domain`
 * become `name`, except for userPrincipalName, which is the whole `name@domain`.
 */
export function accountName(username: string, attribute: string): string {
  const trimmed = username.trim();
  if (attribute.toLowerCase() === 'userprincipalname') return trimmed;
  const afterSlash = trimmed.includes('\\') ? trimmed.slice(trimmed.lastIndexOf('\\') + 1) : trimmed;
  return afterSlash.includes('@') ? afterSlash.slice(0, afterSlash.indexOf('@')) : afterSlash;
}
