/** Row types of the CTI tables (migration 0008_cti); times are epoch milliseconds. */

export interface CtiIntegrationsTable {
  id: string;
  name: string;
  /** SHA-256 hex of the bearer token (auth/tokens.ts); the token itself is shown once, at creation. */
  token_hash: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface CtiExtensionsTable {
  user_id: string;
  /** Compared case-insensitively with `user[]` and `answeringNumber`, by digits with `to`. */
  extension: string;
  updated_at: number;
}

export interface CtiCallsTable {
  /** Server id: `integration_id` + the PBX's `call_id` are unique together. */
  id: string;
  integration_id: string;
  call_id: string;
  direction: 'in' | 'out';
  from_number: string;
  to_number: string;
  /** JSON array of the `user[]` values seen on this call. */
  users: string;
  state: 'ringing' | 'answered' | 'missed' | 'ended';
  answered_by: string | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  /** JSON CallIdentification (shared/api/cti.ts), made once per call. */
  identification: string;
  /** Events applied to this call (the bench counts them to prove none was lost). */
  events: number;
}
