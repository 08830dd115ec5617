/**
 * Table types for Kysely. Timestamps are epoch milliseconds (BIGINT), ids are text, records are JSON
 * text, so the same migrations run on SQLite (embedded default) and later PostgreSQL.
 */
import type { Generated } from 'kysely';
import type { CtiCallsTable, CtiExtensionsTable, CtiIntegrationsTable } from '../cti/ctiTables.js';

export interface UsersTable {
  id: string;
  /** Stored lower-case; unique. */
  email: string;
  name: string;
  role: 'technician' | 'noc' | 'supervisor' | 'admin';
  /** `scrypt$N$r$p$salt$hash` — never the password itself. */
  password_hash: string;
  created_at: number;
  /** When an administrator disabled the account (0010); null or absent while it may sign in. */
  disabled_at?: number | null;
  /** When an administrator set a one-time password (0011); null or absent once the person chose their own. */
  password_change_required_at?: number | null;
}

/** One signed-in device. Tokens hang off it and go with it. */
export interface SessionsTable {
  id: string;
  user_id: string;
  /** The registered device (0003_platform); null only for sessions created before it. */
  device_id: string | null;
  created_at: number;
  /** Absolute end: refreshing cannot extend a session past this. */
  expires_at: number;
}

/** Access and refresh tokens are stored only as SHA-256 hex of the token. */
export interface AccessTokensTable {
  token_hash: string;
  session_id: string;
  expires_at: number;
}

export interface RefreshTokensTable {
  token_hash: string;
  session_id: string;
  expires_at: number;
  /** Set when rotated; presenting a used token again revokes the whole session (theft signal). */
  used_at: number | null;
}

/** Consecutive failed sign-ins per key (`addr:<ip>` or `account:<email>`), for lockout. */
export interface LoginFailuresTable {
  key: string;
  failures: number;
  last_failure_at: number;
  locked_until: number | null;
}

/** Every directory record (site, profile, reference, …) as validated JSON. */
export interface DirectoryRecordsTable {
  kind: string;
  id: string;
  /** The owning site for profiles (for cascades); null otherwise. */
  site_id: string | null;
  data: string;
  updated_at: number;
}

/**
 * The server-wide change sequence. Only the latest change per (kind, record_id) is kept, so a sync
 * from 0 returns each live record once plus tombstones.
 */
export interface ChangesTable {
  seq: Generated<number>;
  kind: string;
  record_id: string;
  op: 'upsert' | 'delete';
  changed_at: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  access_tokens: AccessTokensTable;
  refresh_tokens: RefreshTokensTable;
  login_failures: LoginFailuresTable;
  directory_records: DirectoryRecordsTable;
  changes: ChangesTable;
  approval_records: ApprovalRecordsTable;
  audit_log: AuditLogTable;
  sms_codes: SmsCodesTable;
  devices: DevicesTable;
  totp_credentials: TotpCredentialsTable;
  recovery_codes: RecoveryCodesTable;
  mfa_challenges: MfaChallengesTable;
  password_change_tokens: PasswordChangeTokensTable;
  rate_limits: RateLimitsTable;
  vault_credentials: VaultCredentialsTable;
  vault_leases: VaultLeasesTable;
  vault_settings: VaultSettingsTable;
  vault_directories: VaultDirectoriesTable;
  audit_anchor: AuditAnchorTable;
  cti_integrations: CtiIntegrationsTable;
  cti_extensions: CtiExtensionsTable;
  cti_calls: CtiCallsTable;
  policy_versions: PolicyVersionsTable;
  import_jobs: ImportJobsTable;
  mail_queue: MailQueueTable;
}

/** Uploaded approval records (APPROVALS.md §5), stored once per id; `body` is the canonical JSON. */
export interface ApprovalRecordsTable {
  id: string;
  device_id: string;
  site_id: string;
  /** Technician id as recorded on the device. */
  technician: string;
  final_state: string;
  /** ISO time the device made the record. */
  created_at: string;
  body: string;
  hash: string;
  stored_at: number;
  /** The seq of the record's `approval.stored` event in the audit chain. */
  server_seq: number;
  // Review columns (migration 0009, audit/approvalReviewColumns.ts); null only on rows the migration could not read.
  created_ms: number | null;
  action: string | null;
  category: string | null;
  outcome: string | null;
  caller_name: string | null;
  caller_profile_id: string | null;
  technician_name: string | null;
  ticket: string | null;
  approver_name: string | null;
  decision_ms: number | null;
  notes: string | null;
  /** 1-based position in the (technician, device) chain. */
  chain_seq: number | null;
  /** ",code,code," of the anomaly flags, "" for none, null until checked. */
  flags: string | null;
  flagged: Generated<number>;
}

/** Every write of a site's approval policy (migration 0009); `data` null = the policy was deleted. */
export interface PolicyVersionsTable {
  id: Generated<number>;
  site_id: string;
  data: string | null;
  valid_from: number;
}

/** The server audit chain: append-only, each row hash-linked to the one before (audit/AuditLog.ts). */
export interface AuditLogTable {
  seq: number;
  at: number;
  actor: string;
  type: string;
  subject: string;
  /** Canonical JSON object. */
  data: string;
  prev_hash: string;
  hash: string;
}

/** The audit chain's head, HMAC'd with the server key when there is one (audit/auditAnchor.ts). One row, id `head`. */
export interface AuditAnchorTable {
  id: string;
  seq: number;
  hash: string;
  /** HMAC-SHA256 (base64) of seq and hash with the `audit-anchor` sub-key; null when written without a key. */
  mac: string | null;
  at: number;
}

/** SMS verification codes: only a salted HMAC of the code is kept, never the code (sms/SmsCodeService.ts). */
export interface SmsCodesTable {
  id: string;
  site_id: string;
  purpose: string;
  requested_by: string;
  /** Masked number, e.g. "+1 ••• ••• 0101". */
  sent_to: string;
  salt: string;
  code_hash: string;
  created_at: number;
  expires_at: number;
  checks: number;
  used_at: number | null;
}

/** A registered installation (0003_platform). Revoked devices stay listed; their tokens get 401 `device_revoked`. */
export interface DevicesTable {
  id: string;
  user_id: string;
  name: string;
  platform: string;
  created_at: number;
  last_seen_at: number;
  revoked_at: number | null;
  /** User id of whoever revoked it. */
  revoked_by: string | null;
}

/** A user's TOTP secret (base32). Pending until `confirmed_at`; `last_step` blocks code replay. */
export interface TotpCredentialsTable {
  user_id: string;
  secret: string;
  created_at: number;
  confirmed_at: number | null;
  last_step: number | null;
}

/** One-time recovery codes, stored only as SHA-256 hex of the normalised code. */
export interface RecoveryCodesTable {
  code_hash: string;
  user_id: string;
  created_at: number;
  used_at: number | null;
}

/** A password-verified sign-in waiting for its TOTP code; the mfaToken is stored only hashed. */
export interface MfaChallengesTable {
  token_hash: string;
  user_id: string;
  device_name: string;
  device_platform: string;
  created_at: number;
  expires_at: number;
  attempts: number;
}

/** The "choose your own password" step after a one-time password (0011); single use, short-lived. */
export interface PasswordChangeTokensTable {
  token_hash: string;
  user_id: string;
  device_name: string;
  device_platform: string;
  created_at: number;
  expires_at: number;
}

/** A fixed-window request counter shared by all server processes (permissions/RateLimiter.ts). */
export interface RateLimitsTable {
  key: string;
  window_start: number;
  hits: number;
}

/**
 * A vault account (0005_vault). `meta` is the CredentialMeta JSON without lease and rotation (those
 * are columns); `secret`/`pending_secret` are sealed (`v1.<nonce>.<ciphertext>.<tag>`), never plain.
 * `username_key` is the bare lower-cased username, for the duplicate-domain-entry rule.
 */
export interface VaultCredentialsTable {
  id: string;
  site_id: string;
  meta: string;
  username_key: string;
  kind: 'dynamic' | 'static';
  driver: string;
  secret: string | null;
  version: number;
  pending_secret: string | null;
  /** ok | due (lease ended or 7 days unused) | pending (a process is rotating) | failed (retry at next_retry_at). */
  rotation_state: 'ok' | 'due' | 'pending' | 'failed';
  rotation_at: number | null;
  rotation_reason: string | null;
  rotation_attempts: number;
  next_retry_at: number | null;
  /** While `pending`: the claiming process works on it until then; after, another may take over. */
  claim_until: number | null;
  rotated_at: number;
  last_used_at: number | null;
  /** The open exclusive lease of a dynamic account. */
  lease_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface VaultLeasesTable {
  id: string;
  credential_id: string;
  user_id: string;
  device_id: string | null;
  kind: 'dynamic' | 'static';
  reason: string;
  ticket: string;
  approval_id: string | null;
  wrong_site: number;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
  /** checked_in | expired | forced | device_revoked | deleted */
  end_reason: string | null;
}

export interface VaultSettingsTable {
  id: string;
  login_window_minutes: number;
  ticket_pattern: string | null;
  updated_at: number;
}

/** A site's directory for the `ldap` driver; `bind_secret` is the service bind password, sealed. */
export interface VaultDirectoriesTable {
  site_id: string;
  url: string;
  flavor: 'openldap' | 'active_directory';
  bind_dn: string;
  base_dn: string;
  user_attribute: string;
  ca_cert_pem: string | null;
  bind_secret: string;
  updated_at: number;
}

/** A spreadsheet import job (migration 0013, directory/import/ImportJobs.ts). */
export interface ImportJobsTable {
  /** SHA-256 (hex) of the job's token. */
  token_hash: string;
  site_id: string;
  /** ImportPhase: validating | ready | applying | applied | failed. */
  phase: string;
  /** JSON: done, total, and the preview, result or error when there is one. */
  status: string;
  /** JSON of the validated plan (PreparedImport), between preview and apply; null otherwise. */
  prepared: string | null;
  expires_at: number;
  heartbeat_at: number;
}

/** A message in the durable mail queue (migration 0014, notify/MailQueue.ts); never a secret. */
export interface MailQueueTable {
  id: string;
  /** What the message is, for the log (e.g. `security_notice:password_changed`). */
  kind: string;
  /** JSON of the address, or array of addresses, as given. */
  recipients: string;
  subject: string;
  body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  claimed_until: number | null;
  sent_at: number | null;
  gave_up_at: number | null;
  /** The last failure's error code (never the mail server's reply text). */
  last_error: string | null;
}
