/**
 * Table types for Kysely. Timestamps are epoch milliseconds (BIGINT), ids are text, records are JSON
 * text, so the same migrations run on SQLite (embedded default) and later PostgreSQL.
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  /** Stored lower-case; unique. */
  email: string;
  name: string;
  role: 'technician' | 'noc' | 'supervisor' | 'admin';
  /** `scrypt$N$r$p$salt$hash` — never the password itself. */
  password_hash: string;
  created_at: number;
}

/** One signed-in device. Tokens hang off it and go with it. */
export interface SessionsTable {
  id: string;
  user_id: string;
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
}
