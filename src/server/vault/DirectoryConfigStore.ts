/**
 * Per-site directory settings for the `ldap` rotation driver (table `vault_directories`): URL,
 * flavour (OpenLDAP → Password Modify, RFC 3062; Active Directory → `unicodePwd` over LDAPS), the
 * service account's bind DN, the base DN to find accounts under, the naming attribute, an optional
 * CA certificate (PEM), and the service bind password — sealed with the vault key (AAD
 * `vault-directory:<siteId>`) and opened only by `get` for the driver. No route returns it.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, parseOrThrow } from '../../shared/api/index.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_USER_ATTRIBUTE, LdapDirectoryConfig } from './drivers/ldapConfig.js';
import { directoryAad, requireCipher, type VaultCipher } from './vaultCipher.js';

export const VaultDirectoryInput = z
  .object({
    url: z.string().regex(/^ldaps?:\/\/[^\s/]+(:\d+)?\/?$/, 'use ldap://host[:port] or ldaps://host[:port]'),
    flavor: z.enum(['openldap', 'active_directory']),
    bindDn: z.string().trim().min(3).max(500),
    baseDn: z.string().trim().min(3).max(500),
    /** The attribute that holds the account name under baseDn; absent: `uid` (OpenLDAP) or `sAMAccountName` (AD). */
    userAttribute: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/)
      .optional(),
    caCertPem: z.string().max(20_000).includes('BEGIN CERTIFICATE').optional(),
    /** SECRET, write-only: the service account's password. */
    bindPassword: z.string().min(1).max(256),
  })
  .strict();
export type VaultDirectoryInput = z.infer<typeof VaultDirectoryInput>;

/** SECRET: the opened configuration, with the service bind password, for the `ldap` driver only. */
export interface VaultDirectoryConfig {
  siteId: string;
  url: string;
  flavor: 'openldap' | 'active_directory';
  bindDn: string;
  baseDn: string;
  userAttribute: string;
  caCertPem?: string;
  bindPassword: string;
}

export class DirectoryConfigStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: VaultCipher | null,
    private readonly now: () => number,
  ) {}

  async set(siteId: string, raw: unknown): Promise<Omit<VaultDirectoryConfig, 'bindPassword'>> {
    const input = parseOrThrow(VaultDirectoryInput, raw);
    if (input.flavor === 'active_directory' && !input.url.startsWith('ldaps://'))
      throw new AppError('bad_request', 'url: Active Directory only accepts password changes over ldaps://.', 'url');
    const flavour = input.flavor === 'active_directory' ? 'active-directory' : 'openldap';
    const userAttribute = input.userAttribute ?? DEFAULT_USER_ATTRIBUTE[flavour];
    // The ldap driver's own check, so settings it would refuse at the next rotation are refused now
    // (its messages name the field and never echo a value; `flavour` is mapped, so never the field).
    parseOrThrow(LdapDirectoryConfig, {
      url: input.url,
      bindDn: input.bindDn,
      bindPassword: input.bindPassword,
      baseDn: input.baseDn,
      flavour,
      userAttribute,
      ...(input.caCertPem !== undefined ? { caCertPem: input.caCertPem } : {}),
    });
    const cipher = requireCipher(this.cipher);
    const values = {
      url: input.url,
      flavor: input.flavor,
      bind_dn: input.bindDn,
      base_dn: input.baseDn,
      user_attribute: userAttribute,
      ca_cert_pem: input.caCertPem ?? null,
      bind_secret: cipher.seal(input.bindPassword, directoryAad(siteId)),
      updated_at: this.now(),
    };
    await this.db
      .insertInto('vault_directories')
      .values({ site_id: siteId, ...values })
      .onConflict((oc) => oc.column('site_id').doUpdateSet(values))
      .execute();
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the password is write-only
    const { bindPassword, ...shown } = input;
    return { siteId, ...shown, userAttribute };
  }

  /** The site's directory with its bind password opened, or undefined when none is configured. */
  async get(siteId: string): Promise<VaultDirectoryConfig | undefined> {
    const row = await this.db
      .selectFrom('vault_directories')
      .selectAll()
      .where('site_id', '=', siteId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      siteId,
      url: row.url,
      flavor: row.flavor,
      bindDn: row.bind_dn,
      baseDn: row.base_dn,
      userAttribute: row.user_attribute,
      ...(row.ca_cert_pem ? { caCertPem: row.ca_cert_pem } : {}),
      bindPassword: requireCipher(this.cipher).open(row.bind_secret, directoryAad(siteId)),
    };
  }
}
