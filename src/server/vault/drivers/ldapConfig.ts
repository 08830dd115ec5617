/**
 * A site's directory for the `ldap` rotation driver (docs/rotation-drivers.md): where it is, how the
 * service account binds, where the users live. The vault stores this per site (the bind password
 * encrypted like any secret); the driver only reads it through `configFor(siteId)`.
 *
 * Errors name the field and never echo a value (the bind password is one of them).
 */
import { z } from 'zod';
import { parseOrThrow } from '../../../shared/api/errors.js';

export const LdapFlavour = z.enum(['openldap', 'active-directory']);
export type LdapFlavour = z.infer<typeof LdapFlavour>;

/** The attribute the account's username is matched against when none is configured. */
export const DEFAULT_USER_ATTRIBUTE: Record<LdapFlavour, string> = {
  openldap: 'uid',
  'active-directory': 'sAMAccountName',
};

const LDAP_URL = /^ldaps?:\/\/[^\s/?#]+\/?$/i;
// A DN is at least one `attr=value` RDN; the directory itself judges the rest.
const DN = /^[A-Za-z][A-Za-z0-9-]*=[^,]+(,\s*[A-Za-z][A-Za-z0-9-]*=[^,]+)*$/s;

const dn = (what: string) =>
  z
    .string({ error: `${what} is required, e.g. ou=people,dc=example,dc=com` })
    .trim()
    .min(3, { error: `enter ${what}, e.g. ou=people,dc=example,dc=com` })
    .max(1024, { error: `${what} is longer than 1024 characters` })
    .regex(DN, { error: `${what} must be a DN such as ou=people,dc=example,dc=com` });

export const LdapDirectoryConfig = z
  .object(
    {
      url: z
        .string({ error: 'the directory URL is required, e.g. ldaps://dc1.example.com:636' })
        .trim()
        .regex(LDAP_URL, { error: 'use ldap://host[:port] or ldaps://host[:port] (no path, query or spaces)' }),
      bindDn: dn('the service account DN'),
      /** The service account's password: a secret (never logged, never shown back). */
      bindPassword: z
        .string({ error: "the service account's password is required" })
        .min(1, { error: "enter the service account's password" })
        .max(1024, { error: "the service account's password is longer than 1024 characters" }),
      baseDn: dn('the base DN under which the accounts are searched'),
      /** PEM of the CA that signed the directory's certificate, for ldaps:// with a private CA. */
      caCertPem: z
        .string()
        .max(65536, { error: 'the CA certificate is longer than 64 KiB' })
        .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, {
          error: 'paste the CA certificate in PEM form (-----BEGIN CERTIFICATE----- …)',
        })
        .optional(),
      flavour: z.enum(LdapFlavour.options, { error: 'choose openldap or active-directory' }),
      userAttribute: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, { error: 'an attribute name such as uid or sAMAccountName' })
        .optional(),
      timeoutMs: z
        .number({ error: 'a number of milliseconds' })
        .int({ error: 'a whole number of milliseconds' })
        .min(500, { error: 'at least 500 ms' })
        .max(60_000, { error: 'at most 60000 ms (one minute)' })
        .default(5000),
    },
    { error: 'the directory settings are an object with url, bindDn, bindPassword, baseDn and flavour' },
  )
  .superRefine((c, ctx) => {
    if (c.flavour === 'active-directory' && /^ldap:\/\//i.test(c.url)) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message:
          'Active Directory only accepts a password change (unicodePwd) over an encrypted connection: use ldaps://host:636',
      });
    }
    if (c.caCertPem && !/^ldaps:\/\//i.test(c.url)) {
      ctx.addIssue({
        code: 'custom',
        path: ['caCertPem'],
        message: 'a CA certificate is only used with ldaps:// URLs',
      });
    }
  });
export type LdapDirectoryConfig = z.infer<typeof LdapDirectoryConfig>;
export type LdapDirectoryConfigInput = z.input<typeof LdapDirectoryConfig>;

/** Parses a site's directory settings; throws an AppError naming the field (prefixed `ldap.`). */
export function parseLdapConfig(input: unknown): LdapDirectoryConfig {
  return parseOrThrow(LdapDirectoryConfig, input, 'ldap');
}

export function userAttributeOf(config: LdapDirectoryConfig): string {
  return config.userAttribute ?? DEFAULT_USER_ATTRIBUTE[config.flavour];
}
