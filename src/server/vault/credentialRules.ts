/**
 * The seed's rules for vault accounts (seed 004, Passwords tab), as errors naming the field:
 *  - dynamic accounts may not use Administrator, besadmin, root or backupagent, in any case and also
 *    as `DOMAIN\name` or `name@domain`;
 *  - a dynamic domain account needs an FQDN in `domain`;
 *  - a dynamic account needs a rotation driver, and a secret to start from;
 *  - no two domain entries of a site for the same username and resource (checked by CredentialStore
 *    against the stored rows, with `duplicateDomainEntry`).
 */
import {
  AppError,
  bareUsername,
  FQDN,
  isForbiddenDynamicUsername,
  type CredentialInput,
} from '../../shared/api/index.js';

export function checkCredentialRules(input: CredentialInput, options: { creating: boolean }): void {
  if (input.kind === 'dynamic' && isForbiddenDynamicUsername(input.username))
    throw new AppError(
      'bad_request',
      `username: "${bareUsername(input.username)}" cannot be a dynamic account (Administrator, besadmin, root and backupagent are never rotated). Use a named account, or make this one static.`,
      'username',
    );
  if (input.kind === 'dynamic' && input.accountType === 'domain' && !FQDN.test(input.domain ?? ''))
    throw new AppError(
      'bad_request',
      'domain: a dynamic domain account needs the fully qualified domain name (e.g. corp.example.com).',
      'domain',
    );
  if (input.domain && input.accountType === 'domain' && !FQDN.test(input.domain))
    throw new AppError(
      'bad_request',
      'domain: enter the fully qualified domain name (e.g. corp.example.com).',
      'domain',
    );
  if (input.kind === 'dynamic' && input.driver === 'none')
    throw new AppError(
      'bad_request',
      'driver: a dynamic account needs a rotation driver (ldap, or simulated-agent in the demo) to change its password.',
      'driver',
    );
  if (options.creating && !input.secret)
    throw new AppError(
      'bad_request',
      "secret: enter the account's current password (it is stored encrypted and never shown again).",
      'secret',
    );
}

/** Resource keys for the duplicate rule: an entry without resources counts as one blank resource. */
export function resourceKeys(resources: readonly string[]): string[] {
  return resources.length === 0 ? [''] : resources.map((r) => r.trim().toLowerCase());
}

/** The first resource `a` and `b` share, when both are domain entries of the same username; else null. */
export function duplicateDomainEntry(
  a: { username: string; resources: readonly string[] },
  b: { username: string; resources: readonly string[] },
): string | null {
  if (bareUsername(a.username) !== bareUsername(b.username)) return null;
  const theirs = new Set(resourceKeys(b.resources));
  return resourceKeys(a.resources).find((r) => theirs.has(r)) ?? null;
}
