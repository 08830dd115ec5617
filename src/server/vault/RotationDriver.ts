/**
 * How the vault changes a dynamic password on its target (docs/rotation-drivers.md). A driver is
 * small on purpose so an RMM agent, a directory or a test double can implement it:
 *
 *  - `setPassword` makes `next` the account's password on the target. It must be idempotent: the
 *    vault may call it again with the same `next` after a crash or a timeout.
 *  - `verify` answers whether `secret` currently works for the account (a bind, a logon test). The
 *    vault calls it at start for a rotation left *pending* by a crash, with the new and then the old
 *    secret, to learn which one the target has.
 *
 * Drivers never log a secret and never put one in an error message: the vault audits and shows the
 * error text to the NOC and supervisors.
 */
import type { RotationDriverName } from '../../shared/api/credentials.js';

/** What a driver needs to know of the account; `settings` is the site's driver configuration. */
export interface RotationTarget {
  credentialId: string;
  siteId: string;
  username: string;
  accountType: 'domain' | 'local';
  domain?: string;
}

export interface RotationDriver {
  readonly name: RotationDriverName;
  /** Makes `next` the account's password. `current` is the last good secret (some targets need it). */
  setPassword(target: RotationTarget, current: string, next: string): Promise<void>;
  /** True when `secret` works for the account now; false when it is refused; throws when unreachable. */
  verify(target: RotationTarget, secret: string): Promise<boolean>;
}

/** A driver failure safe to show and audit: says what failed and what to check, never a secret. */
export class RotationError extends Error {
  override name = 'RotationError';
}
