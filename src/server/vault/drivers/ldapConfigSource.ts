/**
 * Bridges the vault's per-site directory settings (DirectoryConfigStore, table `vault_directories`,
 * bind password opened from the vault) to the `ldap` driver's LdapDirectoryConfig. Each stored row
 * is checked again with the driver's own schema, so a row written before a rule existed (Active
 * Directory over plain ldap://) fails the rotation with the rule's words instead of reaching the wire.
 *
 * SECRET: the returned config carries the service account's password, for the driver only.
 */
import { AppError } from '../../../shared/api/errors.js';
import { RotationError } from '../RotationDriver.js';
import { parseLdapConfig, type LdapDirectoryConfig } from './ldapConfig.js';
import type { LdapConfigSource } from './LdapDriver.js';

/** The shape the vault stores (DirectoryConfigStore.get); only what the driver reads. */
export interface StoredDirectory {
  url: string;
  flavor: 'openldap' | 'active_directory';
  bindDn: string;
  baseDn: string;
  userAttribute?: string;
  caCertPem?: string;
  bindPassword: string;
  timeoutMs?: number;
}

export function ldapConfigSource(
  directories: { get(siteId: string): Promise<StoredDirectory | undefined> },
  defaults: { timeoutMs?: number } = {},
): LdapConfigSource {
  return async (siteId) => {
    const stored = await directories.get(siteId);
    if (!stored) return null;
    return toLdapConfig(siteId, stored, defaults.timeoutMs);
  };
}

function toLdapConfig(siteId: string, d: StoredDirectory, timeoutMs: number | undefined): LdapDirectoryConfig {
  try {
    return parseLdapConfig({
      url: d.url,
      bindDn: d.bindDn,
      bindPassword: d.bindPassword,
      baseDn: d.baseDn,
      flavour: d.flavor === 'active_directory' ? 'active-directory' : 'openldap',
      ...(d.userAttribute ? { userAttribute: d.userAttribute } : {}),
      ...(d.caCertPem ? { caCertPem: d.caCertPem } : {}),
      ...((d.timeoutMs ?? timeoutMs) !== undefined ? { timeoutMs: d.timeoutMs ?? timeoutMs } : {}),
    });
  } catch (err) {
    // parseLdapConfig's messages name the field and never echo a value.
    if (err instanceof AppError) {
      throw new RotationError(
        `the directory settings of site ${siteId} are not usable (${err.message}); ` +
          `an administrator must correct them; the old password stays in use`,
      );
    }
    throw err;
  }
}
