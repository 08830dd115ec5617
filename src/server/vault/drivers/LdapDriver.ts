/**
 * The `ldap` rotation driver: changes a dynamic account's password in the site's directory.
 *
 * Every call opens its own connection (nothing is shared between concurrent rotations), binds as
 * the site's service account, finds the account's DN under the base DN by its username attribute
 * (an EqualityFilter: the username is never spliced into a filter string), then
 *  - OpenLDAP: the Password Modify extended operation (RFC 3062) with the DN and the new password,
 *    which the directory hashes with its own `password-hash`;
 *  - Active Directory: a Modify replacing `unicodePwd` (only accepted over LDAPS).
 * `verify` binds as the account with the secret on the same connection.
 *
 * Secrets (the new and old passwords, the service account's password) cross into ldapts requests
 * only; failures become RotationErrors in plain words with every secret scrubbed out.
 */
import { Attribute, Change, Client, EqualityFilter, InvalidCredentialsError, SizeLimitExceededError } from 'ldapts';
import { RotationError, type RotationDriver, type RotationTarget } from '../RotationDriver.js';
import { describeLdapFailure, type LdapStep } from './ldapErrors.js';
import { accountName, PASSWORD_MODIFY_OID, passwordModifyValue, unicodePwdValue } from './ldapEncoding.js';
import { userAttributeOf, type LdapDirectoryConfig } from './ldapConfig.js';

/** The site's directory settings, as the vault stores them; null when the site has none. */
export type LdapConfigSource = (siteId: string) => Promise<LdapDirectoryConfig | null>;

export interface LdapDriverOptions {
  /** Where a failed clean-up (unbind) is reported; pino's logger fits. */
  log?: { warn(obj: object, msg: string): void };
}

const KEEPS_OLD = 'the old password stays in use';
const CANNOT_CHECK = 'could not check which password works';

export class LdapDriver implements RotationDriver {
  readonly name = 'ldap' as const;

  constructor(
    private readonly configFor: LdapConfigSource,
    private readonly options: LdapDriverOptions = {},
  ) {}

  async setPassword(target: RotationTarget, current: string, next: string): Promise<void> {
    if (next === '') throw new RotationError(`refusing to set an empty password for ${target.username}; ${KEEPS_OLD}`);
    const config = await this.load(target, KEEPS_OLD);
    await this.session(config, [next, current], KEEPS_OLD, async (client, step) => {
      const dn = await this.findUser(client, config, target, step);
      step.now = 'change';
      if (config.flavour === 'openldap') {
        await client.exop(PASSWORD_MODIFY_OID, passwordModifyValue(dn, next));
      } else {
        const modification = new Attribute({ type: 'unicodePwd', values: [unicodePwdValue(next)] });
        await client.modify(dn, new Change({ operation: 'replace', modification }));
      }
    });
  }

  async verify(target: RotationTarget, secret: string): Promise<boolean> {
    // A simple bind with a DN and an empty password is an "unauthenticated bind" (RFC 4513 5.1.2)
    // that many directories accept: it proves nothing.
    if (secret === '') return false;
    const config = await this.load(target, CANNOT_CHECK);
    return this.session(config, [secret], CANNOT_CHECK, async (client, step) => {
      const dn = await this.findUser(client, config, target, step);
      step.now = 'user-bind';
      try {
        await client.bind(dn, secret);
        return true;
      } catch (err) {
        if (err instanceof InvalidCredentialsError) return false;
        throw err;
      }
    });
  }

  private async load(target: RotationTarget, consequence: string): Promise<LdapDirectoryConfig> {
    const config = await this.configFor(target.siteId);
    if (!config) {
      throw new RotationError(
        `site ${target.siteId} has no directory configured for the ldap driver (URL, service account, base DN); ` +
          `an administrator must add it; ${consequence}`,
      );
    }
    return config;
  }

  private async findUser(
    client: Client,
    config: LdapDirectoryConfig,
    target: RotationTarget,
    step: { now: LdapStep },
  ): Promise<string> {
    const attribute = userAttributeOf(config);
    const value = accountName(target.username, attribute);
    step.now = 'search';
    let dns: string[];
    try {
      const { searchEntries } = await client.search(config.baseDn, {
        scope: 'sub',
        filter: new EqualityFilter({ attribute, value }),
        attributes: ['1.1'],
        sizeLimit: 2,
      });
      dns = searchEntries.map((e) => e.dn);
    } catch (err) {
      if (!(err instanceof SizeLimitExceededError)) throw err;
      dns = ['', ''];
    }
    const found = `${attribute}=${value} under ${config.baseDn}`;
    if (dns.length === 0) {
      throw new RotationError(
        `no account with ${found} in the directory at ${config.url}; check the username and base DN`,
      );
    }
    if (dns.length > 1) {
      throw new RotationError(`more than one account has ${found}; narrow the base DN so the username is unique`);
    }
    return dns[0]!;
  }

  private async session<T>(
    config: LdapDirectoryConfig,
    secrets: string[],
    consequence: string,
    work: (client: Client, step: { now: LdapStep }) => Promise<T>,
  ): Promise<T> {
    const secure = /^ldaps:/i.test(config.url);
    const client = new Client({
      url: config.url,
      timeout: config.timeoutMs,
      connectTimeout: config.timeoutMs,
      ...(secure
        ? { tlsOptions: { minVersion: 'TLSv1.2' as const, ...(config.caCertPem ? { ca: [config.caCertPem] } : {}) } }
        : {}),
    });
    const step: { now: LdapStep } = { now: 'service-bind' };
    try {
      await client.bind(config.bindDn, config.bindPassword);
      return await work(client, step);
    } catch (err) {
      if (err instanceof RotationError) throw err;
      throw new RotationError(
        describeLdapFailure(err, step.now, config, [...secrets, config.bindPassword], consequence),
      );
    } finally {
      await client.unbind().catch((err: unknown) => {
        // The operation's outcome stands; a connection that did not close cleanly is only worth a note.
        (this.options.log ?? console).warn(
          { url: config.url, err: err instanceof Error ? err.message : String(err) },
          'ldap driver: unbind failed',
        );
      });
    }
  }
}
