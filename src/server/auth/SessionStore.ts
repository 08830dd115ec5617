/**
 * Sessions and their tokens (tables `sessions`, `access_tokens`, `refresh_tokens`). Tokens are
 * returned to the caller once and stored only as SHA-256 hashes. Access tokens live 15 minutes;
 * refresh tokens rotate on every use and live 30 days, bounded by the session's absolute expiry.
 * A refresh token presented a second time revokes its whole session (it was probably stolen).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashToken, newId, newToken } from './tokens.js';

export interface SessionTtl {
  accessMs: number;
  refreshMs: number;
  sessionMs: number;
}

export const DEFAULT_TTL: SessionTtl = { accessMs: 15 * 60_000, refreshMs: 30 * 86_400_000, sessionMs: 90 * 86_400_000 };

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export class SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly ttl: SessionTtl = DEFAULT_TTL,
  ) {}

  async create(userId: string): Promise<IssuedTokens> {
    const id = newId('ses');
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('sessions').values({ id, user_id: userId, created_at: now, expires_at: now + this.ttl.sessionMs }).execute();
      return this.issue(trx, id, now + this.ttl.sessionMs);
    });
  }

  /** New token pair for a valid, unused refresh token; null otherwise. */
  async rotate(refreshToken: string): Promise<{ userId: string; tokens: IssuedTokens } | null> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('refresh_tokens as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .select(['r.token_hash', 'r.used_at', 'r.expires_at', 's.id as session_id', 's.user_id', 's.expires_at as session_expires_at'])
        .where('r.token_hash', '=', hashToken(refreshToken))
        .executeTakeFirst();
      if (!row) return null;
      if (row.used_at !== null) {
        await trx.deleteFrom('sessions').where('id', '=', row.session_id).execute();
        return null;
      }
      if (row.expires_at <= now || row.session_expires_at <= now) return null;
      await trx.updateTable('refresh_tokens').set({ used_at: now }).where('token_hash', '=', row.token_hash).execute();
      await trx.deleteFrom('access_tokens').where('session_id', '=', row.session_id).execute();
      return { userId: row.user_id, tokens: await this.issue(trx, row.session_id, row.session_expires_at) };
    });
  }

  /** The signed-in user for a live access token, or null. */
  async authenticate(accessToken: string): Promise<{ userId: string; sessionId: string } | null> {
    const row = await this.db
      .selectFrom('access_tokens as a')
      .innerJoin('sessions as s', 's.id', 'a.session_id')
      .select(['s.user_id', 's.id'])
      .where('a.token_hash', '=', hashToken(accessToken))
      .where('a.expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? { userId: row.user_id, sessionId: row.id } : null;
  }

  async revokeSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  async revokeByRefreshToken(refreshToken: string): Promise<void> {
    const row = await this.db
      .selectFrom('refresh_tokens')
      .select('session_id')
      .where('token_hash', '=', hashToken(refreshToken))
      .executeTakeFirst();
    if (row) await this.revokeSession(row.session_id);
  }

  private async issue(trx: Kysely<Database>, sessionId: string, sessionExpiresAt: number): Promise<IssuedTokens> {
    const now = this.now();
    const accessToken = newToken('access');
    const refreshToken = newToken('refresh');
    const accessExpires = Math.min(now + this.ttl.accessMs, sessionExpiresAt);
    await trx.insertInto('access_tokens').values({ token_hash: hashToken(accessToken), session_id: sessionId, expires_at: accessExpires }).execute();
    await trx
      .insertInto('refresh_tokens')
      .values({ token_hash: hashToken(refreshToken), session_id: sessionId, expires_at: Math.min(now + this.ttl.refreshMs, sessionExpiresAt), used_at: null })
      .execute();
    return { accessToken, refreshToken, expiresIn: Math.max(1, Math.round((accessExpires - now) / 1000)) };
  }
}
