/**
 * Sessions and their tokens (tables `sessions`, `access_tokens`, `refresh_tokens`). Tokens are
 * returned to the caller once and stored only as SHA-256 hashes. Access tokens live 15 minutes;
 * refresh tokens rotate on every use and live 30 days, bounded by the session's absolute expiry.
 * A refresh token presented a second time revokes its whole session (it was probably stolen) —
 * and its device, which a session is bound to (table `devices`, see devices/DeviceStore.ts).
 * Tokens of a revoked device are still recognised, so the app can be told `device_revoked`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashToken, newId, newToken } from './tokens.js';

export interface SessionTtl {
  accessMs: number;
  refreshMs: number;
  sessionMs: number;
}

export const DEFAULT_TTL: SessionTtl = {
  accessMs: 15 * 60_000,
  refreshMs: 30 * 86_400_000,
  sessionMs: 90 * 86_400_000,
};

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

/** What a token resolves to: a live session, or one whose device an admin revoked. */
export interface SessionRef {
  userId: string;
  sessionId: string;
  deviceId: string | null;
  deviceRevoked: boolean;
}

export type Rotated = { userId: string; deviceId: string | null; tokens: IssuedTokens } | { deviceRevoked: true };

/** Whose session a sign-out ended. */
export interface EndedSession {
  userId: string;
  deviceId: string | null;
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
  ) {}

  /** A new session (bound to `deviceId` when given) and its first token pair; inside `trx` when given. */
  async create(userId: string, deviceId: string | null = null, trx?: Kysely<Database>): Promise<IssuedTokens> {
    const id = newId('ses');
    const now = this.now();
    const run = async (t: Kysely<Database>) => {
      await t
        .insertInto('sessions')
        .values({ id, user_id: userId, device_id: deviceId, created_at: now, expires_at: now + this.ttl.sessionMs })
        .execute();
      return this.issue(t, id, now + this.ttl.sessionMs);
    };
    return trx ? run(trx) : this.db.transaction().execute(run);
  }

  /** New token pair for a valid, unused refresh token; `deviceRevoked` for a revoked device; null otherwise. */
  async rotate(refreshToken: string): Promise<Rotated | null> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('refresh_tokens as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .leftJoin('devices as d', 'd.id', 's.device_id')
        .select([
          'r.token_hash',
          'r.used_at',
          'r.expires_at',
          's.id as session_id',
          's.user_id',
          's.expires_at as session_expires_at',
          's.device_id',
          'd.revoked_at',
        ])
        .where('r.token_hash', '=', hashToken(refreshToken))
        .executeTakeFirst();
      if (!row) return null;
      if (row.revoked_at !== null && row.revoked_at !== undefined) return { deviceRevoked: true as const };
      // Reuse of a rotated token: end the whole chain — the device goes with its session.
      const endChain = async () => {
        if (row.device_id) await trx.deleteFrom('devices').where('id', '=', row.device_id).execute();
        await trx.deleteFrom('sessions').where('id', '=', row.session_id).execute();
        return null;
      };
      if (row.used_at !== null) return endChain();
      if (row.expires_at <= now || row.session_expires_at <= now) return null;
      // Conditional: of two processes rotating the same token at once, only one wins; the other sees reuse.
      const claimed = await trx
        .updateTable('refresh_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', row.token_hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return endChain();
      await trx.deleteFrom('access_tokens').where('session_id', '=', row.session_id).execute();
      if (row.device_id)
        await trx.updateTable('devices').set({ last_seen_at: now }).where('id', '=', row.device_id).execute();
      return {
        userId: row.user_id,
        deviceId: row.device_id,
        tokens: await this.issue(trx, row.session_id, row.session_expires_at),
      };
    });
  }

  /** The session for a live access token (possibly of a revoked device), or null. */
  async authenticate(accessToken: string): Promise<SessionRef | null> {
    const row = await this.db
      .selectFrom('access_tokens as a')
      .innerJoin('sessions as s', 's.id', 'a.session_id')
      .leftJoin('devices as d', 'd.id', 's.device_id')
      .select(['s.user_id', 's.id', 's.device_id', 'd.revoked_at'])
      .where('a.token_hash', '=', hashToken(accessToken))
      .where('a.expires_at', '>', this.now())
      .executeTakeFirst();
    if (!row) return null;
    return {
      userId: row.user_id,
      sessionId: row.id,
      deviceId: row.device_id,
      deviceRevoked: row.revoked_at !== null && row.revoked_at !== undefined,
    };
  }

  /**
   * Signing out: the session goes, with its device unless that device was revoked (kept for the
   * record). Returns whose session it was, or null when there was none (already signed out).
   */
  async revokeSession(sessionId: string): Promise<EndedSession | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('sessions as s')
        .leftJoin('devices as d', 'd.id', 's.device_id')
        .select(['s.user_id', 's.device_id', 'd.revoked_at'])
        .where('s.id', '=', sessionId)
        .executeTakeFirst();
      // The session first (deleting the device would cascade to it): only the call that deleted the
      // row reports it, so two concurrent sign-outs audit once.
      const gone = await trx.deleteFrom('sessions').where('id', '=', sessionId).executeTakeFirst();
      if (row?.device_id && (row.revoked_at === null || row.revoked_at === undefined))
        await trx.deleteFrom('devices').where('id', '=', row.device_id).execute();
      return row && gone.numDeletedRows > 0n ? { userId: row.user_id, deviceId: row.device_id ?? null } : null;
    });
  }

  /**
   * After a password change: every session of `userId` ends except `keep` (the one that made the
   * change), with their devices (revoked ones stay for the record). Inside the change's transaction.
   * Returns how many sessions ended.
   */
  async endOtherSessions(
    trx: Kysely<Database>,
    userId: string,
    keep: { sessionId: string; deviceId: string | null } | null,
  ): Promise<number> {
    let sessions = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (keep) sessions = sessions.where('id', '!=', keep.sessionId);
    const ended = await sessions.executeTakeFirst();
    let devices = trx.deleteFrom('devices').where('user_id', '=', userId).where('revoked_at', 'is', null);
    if (keep?.deviceId) devices = devices.where('id', '!=', keep.deviceId);
    await devices.execute();
    return Number(ended.numDeletedRows);
  }

  async revokeByRefreshToken(refreshToken: string): Promise<EndedSession | null> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('session_id')
      .where('token_hash', '=', hashToken(refreshToken))
      .executeTakeFirst();
    return row ? this.revokeSession(row.session_id) : null;
  }

  private async issue(trx: Kysely<Database>, sessionId: string, sessionExpiresAt: number): Promise<IssuedTokens> {
    const now = this.now();
    const accessToken = newToken('access');
    const refreshToken = newToken('refresh');
    const accessExpires = Math.min(now + this.ttl.accessMs, sessionExpiresAt);
    await trx
      .insertInto('access_tokens')
      .values({ token_hash: hashToken(accessToken), session_id: sessionId, expires_at: accessExpires })
      .execute();
    await trx
      .insertInto('refresh_tokens')
      .values({
        token_hash: hashToken(refreshToken),
        session_id: sessionId,
        expires_at: Math.min(now + this.ttl.refreshMs, sessionExpiresAt),
        used_at: null,
      })
      .execute();
    return { accessToken, refreshToken, expiresIn: Math.max(1, Math.round((accessExpires - now) / 1000)) };
  }
}
