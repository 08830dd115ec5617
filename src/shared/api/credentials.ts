/**
 * The vault's HTTP contract (issue 10): credential accounts of a site, check-out leases, check-in.
 *
 * Metadata (everything in `CredentialMeta`) is not secret: it travels in the delta sync (kind
 * `credential`) so the Credentials tab reads offline. The secret itself appears in exactly one place,
 * the body of a successful check-out (`CheckoutGranted.secret`), and is never cached, logged or stored
 * on the device.
 */
import { z } from 'zod';

export const CredentialCategory = z.enum(['server', 'desktop', 'lights_out', 'application', 'custom']);
export type CredentialCategory = z.infer<typeof CredentialCategory>;

export const CredentialAccountType = z.enum(['domain', 'local']);
export type CredentialAccountType = z.infer<typeof CredentialAccountType>;

/** `dynamic`: rotated after every use and every 7 days unused; `static`: never changed by Callsign. */
export const CredentialKind = z.enum(['dynamic', 'static']);
export type CredentialKind = z.infer<typeof CredentialKind>;

/** How a dynamic password is changed on its target: a real directory, or the demo's simulated agent. */
export const RotationDriverName = z.enum(['ldap', 'simulated-agent', 'none']);
export type RotationDriverName = z.infer<typeof RotationDriverName>;

export const RotationState = z.enum(['ok', 'pending', 'failed']);
export type RotationState = z.infer<typeof RotationState>;

/** Seed 004: "The usernames Administrator, besadmin, root, and backupagent cannot be used when creating dynamic passwords." */
export const FORBIDDEN_DYNAMIC_USERNAMES = ['administrator', 'besadmin', 'root', 'backupagent'] as const;

/** The bare account name of `DOMAIN\name`, `name@domain` or `name`, lower-cased. */
export function bareUsername(username: string): string {
  const afterSlash = username.includes('\\') ? username.slice(username.lastIndexOf('\\') + 1) : username;
  const beforeAt = afterSlash.includes('@') ? afterSlash.slice(0, afterSlash.indexOf('@')) : afterSlash;
  return beforeAt.trim().toLowerCase();
}

export function isForbiddenDynamicUsername(username: string): boolean {
  return (FORBIDDEN_DYNAMIC_USERNAMES as readonly string[]).includes(bareUsername(username));
}

/** A fully qualified domain name: at least two labels, letters/digits/hyphens, a non-numeric TLD. */
export const FQDN =
  /^(?=.{4,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export const LeaseState = z.object({
  /** Display name of the holder (user name), for "checked out by … until …". */
  heldBy: z.string(),
  heldById: z.string(),
  /** ISO time the login window ends. */
  until: z.iso.datetime(),
});
export type LeaseState = z.infer<typeof LeaseState>;

/** A credential account's metadata: what `GET /v1/sites/:siteId/credentials` lists and sync carries. */
export const CredentialMeta = z.object({
  id: z.string().min(1),
  siteId: z.string().min(1),
  name: z.string().min(1).max(120),
  category: CredentialCategory,
  accountType: CredentialAccountType,
  /** FQDN for domain accounts (required for dynamic ones). */
  domain: z.string().max(253).optional(),
  /** NetBIOS domain name (seed 004: "must be the NetBios domain name"). */
  netbiosDomain: z.string().max(15).optional(),
  username: z.string().min(1).max(256),
  description: z.string().max(500).default(''),
  remarks: z.string().max(2000).default(''),
  kind: CredentialKind,
  /** The site's servers this account applies to (names as in the site's network info). */
  resources: z.array(z.string().min(1).max(253)).max(200).default([]),
  backOfficeAccess: z.boolean(),
  driver: RotationDriverName,
  lease: LeaseState.nullable(),
  rotation: z.object({
    state: RotationState,
    /** ISO time of the last rotation attempt or success; null before any. */
    at: z.iso.datetime().nullable(),
    /** Plain-words reason of the last failure (never a secret), for the NOC and supervisors. */
    reason: z.string().optional(),
  }),
});
export type CredentialMeta = z.infer<typeof CredentialMeta>;

export const CredentialList = z.array(CredentialMeta);
export type CredentialList = z.infer<typeof CredentialList>;

/** Default ticket format (a workspace setting may replace it): 1–32 letters, digits, `-`, `#`, `/`. */
export const DEFAULT_TICKET_PATTERN = /^[A-Za-z0-9#/-]{1,32}$/;

export const CheckoutRequest = z
  .object({
    reason: z.string().trim().min(3, 'say why you need this password (at least 3 characters)').max(500),
    ticket: z.string().trim().regex(DEFAULT_TICKET_PATTERN, 'enter the ticket number: 1–32 letters, digits, -, # or /'),
    /** An approval record of the same site whose outcome lets the work proceed. */
    approvalId: z.string().min(1).max(100).optional(),
    /** The site of the caller identified on this call, when there is one (wrong-site flag). */
    callerSiteId: z.string().min(1).max(100).optional(),
    /** The technician confirmed checking out a credential of a site other than the caller's. */
    wrongSiteConfirmed: z.boolean().optional(),
  })
  .strict();
export type CheckoutRequest = z.infer<typeof CheckoutRequest>;

/**
 * SECRET: the one response body that carries a password. Main keeps it in memory only; the renderer
 * receives it only on an explicit Reveal and never stores it.
 */
export const CheckoutGranted = z.object({
  leaseId: z.string(),
  credentialId: z.string(),
  username: z.string(),
  domain: z.string().optional(),
  secret: z.string(),
  kind: CredentialKind,
  /** ISO end of the login window (dynamic); for static accounts the end of the display window. */
  expiresAt: z.iso.datetime(),
});
export type CheckoutGranted = z.infer<typeof CheckoutGranted>;

export const CheckinResult = z.object({
  leaseId: z.string(),
  credentialId: z.string(),
  /** Rotation queued (dynamic) or nothing to do (static). */
  rotation: RotationState.or(z.literal('not_needed')),
});
export type CheckinResult = z.infer<typeof CheckinResult>;

/** Audit-only events the desktop reports about a lease it holds: never the secret. */
export const LeaseEvent = z.object({ event: z.enum(['reveal', 'copy', 'read_back']) }).strict();
export type LeaseEvent = z.infer<typeof LeaseEvent>;

/** Admin create/change. `secret` is write-only: set here, never returned by any admin route. */
export const CredentialInput = z
  .object({
    id: z.string().min(1).max(100).optional(),
    siteId: z.string().min(1),
    name: z.string().trim().min(1).max(120),
    category: CredentialCategory,
    accountType: CredentialAccountType,
    domain: z.string().trim().max(253).optional(),
    netbiosDomain: z.string().trim().max(15).optional(),
    username: z.string().trim().min(1).max(256),
    description: z.string().max(500).default(''),
    remarks: z.string().max(2000).default(''),
    kind: CredentialKind,
    resources: z.array(z.string().trim().min(1).max(253)).max(200).default([]),
    backOfficeAccess: z.boolean(),
    driver: RotationDriverName.default('none'),
    secret: z.string().min(1).max(256).optional(),
  })
  .strict();
export type CredentialInput = z.infer<typeof CredentialInput>;

/**
 * A vault account in a directory bundle (export/import): its metadata only. Never a secret, a lease
 * or a rotation state; `strict` so a bundle carrying a `secret` field is refused, not silently read.
 * Accounts imported new have no password until an administrator sets one.
 */
export const CredentialBundleEntry = CredentialMeta.omit({ lease: true, rotation: true }).strict();
export type CredentialBundleEntry = z.infer<typeof CredentialBundleEntry>;
