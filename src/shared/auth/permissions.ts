/**
 * Who may do what: the one explicit table of roles → permissions. Every server endpoint declares
 * exactly one `RoutePermission` (route config `permission`), checked by one hook before the body is
 * even parsed; the desktop app uses the same table to hide what a role cannot do. Roles build on
 * each other: noc = technician + credential checkout, supervisor = noc + audit + read-only admin,
 * admin = supervisor + directory and account administration.
 */
import { z } from 'zod';
import { Role } from '../api/auth.js';

export const Permission = z.enum([
  /** Anything about one's own account: /v1/me, TOTP enrolment, one's own devices. */
  'account.self',
  /** Read the directory: delta sync, caller lookup. */
  'directory.read',
  /** Run approvals: upload records, SMS codes, evaluate, escalate. */
  'approvals.write',
  /** Check credentials out of the vault. */
  'credentials.checkout',
  /** End anyone's credential lease early (forced check-in). */
  'credentials.force_checkin',
  /** Read the audit trail. */
  'audit.read',
  /** Read-only administration: list sites/profiles/references/policies, accounts and all devices. */
  'admin.read',
  /** Create, change and delete directory records. */
  'directory.write',
  /** Create and change accounts, revoke anyone's device, reset TOTP. */
  'accounts.manage',
]);
export type Permission = z.infer<typeof Permission>;

/** What a route needs: a permission, or `public` (no sign-in: health, sign-in itself, API docs). */
export type RoutePermission = Permission | 'public';

const TECHNICIAN: readonly Permission[] = ['account.self', 'directory.read', 'approvals.write'];
const NOC: readonly Permission[] = [...TECHNICIAN, 'credentials.checkout'];
const SUPERVISOR: readonly Permission[] = [...NOC, 'credentials.force_checkin', 'audit.read', 'admin.read'];
const ADMIN: readonly Permission[] = [...SUPERVISOR, 'directory.write', 'accounts.manage'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  technician: TECHNICIAN,
  noc: NOC,
  supervisor: SUPERVISOR,
  admin: ADMIN,
};

export function hasPermission(role: Role, permission: RoutePermission): boolean {
  return permission === 'public' || ROLE_PERMISSIONS[role].includes(permission);
}

/** The least role that holds `permission` (for messages such as "ask a supervisor"). */
export function leastRoleWith(permission: Permission): Role {
  return Role.options.find((r) => ROLE_PERMISSIONS[r].includes(permission)) ?? 'admin';
}
