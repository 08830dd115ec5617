/**
 * One-time passwords and one's own password (issue 16). A password an administrator set (an
 * invitation or a reset; `users.password_change_required_at`) signs nobody in: the right one — with
 * the TOTP code when enrolled — gets a `passwordChangeToken` (table `password_change_tokens`, stored
 * hashed, 10 minutes, single use), and only that token plus the person's own new password ends in a
 * session. 72 hours after it was set, the one-time password is refused outright.
 *
 * Setting one's own password (that step, or the Account page with the current password) checks the
 * shared rules (shared/auth/passwordChange.ts), replaces the hash only if it is still the one that was
 * checked (a concurrent change or reset wins, the other gets 409), ends every other session of the
 * account and drops pending sign-in steps — in one transaction, audited `auth.password_changed`.
 * The passwords themselves are hashed here and never stored, logged or audited.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/index.js';
import {
  NEW_PASSWORD_MESSAGE,
  newPasswordProblem,
  type DeviceRegistration,
  type PasswordChangeChallenge,
} from '../../shared/auth/index.js';
import { PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import type { AuditSink } from '../audit/AuditLog.js';
import type { Database, UsersTable } from '../db/schema.js';
import { retryTransient } from '../db/retryTransient.js';
import { hashPassword, verifyPassword, type ScryptParams } from './password.js';
import type { SessionStore } from './SessionStore.js';
import { hashToken, newToken } from './tokens.js';

/** How long a one-time password works after an administrator set it. */
export const ONE_TIME_PASSWORD_MS = 72 * 3_600_000;
/** How long the "choose your own password" step stays open after the one-time password. */
export const PASSWORD_CHANGE_TOKEN_MS = 10 * 60_000;

export const ONE_TIME_PASSWORD_EXPIRED =
  'This one-time password has expired (it works for 72 hours). Ask an administrator to reset your password for a new one.';
export const PASSWORD_STEP_ENDED =
  'This step has expired or was already used. Sign in again with your one-time password to choose your own.';

type PasswordRow = Pick<UsersTable, 'password_change_required_at'>;

/** Whether the account's password is a one-time password set by an administrator (bigint: a string on PostgreSQL). */
export function mustChangePassword(row: PasswordRow): boolean {
  return row.password_change_required_at !== null && row.password_change_required_at !== undefined;
}

export function oneTimePasswordExpired(row: PasswordRow, now: number): boolean {
  return mustChangePassword(row) && Number(row.password_change_required_at) + ONE_TIME_PASSWORD_MS <= now;
}

export interface PendingPasswordChange {
  userId: string;
  device: DeviceRegistration;
}

export interface NewOwnPassword {
  /** `first_sign_in`: after a one-time password (`token` given); `account_page`: signed in. */
  via: 'first_sign_in' | 'account_page';
  address: string;
  /** The passwordChangeToken, claimed in the same transaction (first sign-in only). */
  token?: string;
  /** The session making the change, which stays signed in (account page only). */
  keep?: { sessionId: string; deviceId: string | null };
}

export class PasswordChange {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly sessions: SessionStore,
    private readonly audit: AuditSink | undefined,
    private readonly scrypt: ScryptParams,
  ) {}

  /** Opens the "choose your own password" step for a sign-in that gave the right one-time password. */
  async issue(userId: string, device: DeviceRegistration, address: string): Promise<PasswordChangeChallenge> {
    const passwordChangeToken = newToken('password');
    const now = this.now();
    await this.db.deleteFrom('password_change_tokens').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('password_change_tokens')
      .values({
        token_hash: hashToken(passwordChangeToken),
        user_id: userId,
        device_name: device.name,
        device_platform: device.platform,
        created_at: now,
        expires_at: now + PASSWORD_CHANGE_TOKEN_MS,
      })
      .execute();
    const user = await this.db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
    await this.audit?.append({
      type: PLATFORM_AUDIT_EVENT.oneTimePasswordUsed,
      actor: userId,
      subject: user?.email ?? userId,
      data: { address, deviceName: device.name, platform: device.platform },
    });
    return {
      passwordChangeRequired: true,
      passwordChangeToken,
      expiresIn: Math.round(PASSWORD_CHANGE_TOKEN_MS / 1000),
    };
  }

  /** The step a live passwordChangeToken belongs to; 401 when it expired, was used or never existed. */
  async pending(token: string): Promise<PendingPasswordChange> {
    const row = await this.db
      .selectFrom('password_change_tokens')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    if (!row) throw new AppError('unauthorized', PASSWORD_STEP_ENDED);
    return {
      userId: row.user_id,
      device: { name: row.device_name, platform: row.device_platform as DeviceRegistration['platform'] },
    };
  }

  /** Replaces `user`'s password with their own `newPassword` (see the file comment); returns sessions ended. */
  async setOwnPassword(user: UsersTable, newPassword: string, how: NewOwnPassword): Promise<number> {
    const problem = newPasswordProblem(newPassword, { email: user.email });
    if (problem) throw new AppError('bad_request', NEW_PASSWORD_MESSAGE[problem], 'newPassword');
    // The one-time password again is no new password (on the account page the request's schema
    // already compared it with the current password just verified: no second scrypt needed).
    if (how.via === 'first_sign_in' && (await verifyPassword(newPassword, user.password_hash)))
      throw new AppError('bad_request', NEW_PASSWORD_MESSAGE.same_as_old, 'newPassword');
    const password_hash = await hashPassword(newPassword, this.scrypt);
    return retryTransient(() =>
      this.db.transaction().execute(async (trx) => {
        if (how.token !== undefined) {
          // Claimed by deleting it: of several requests with one token, exactly one goes on.
          const claimed = await trx
            .deleteFrom('password_change_tokens')
            .where('token_hash', '=', hashToken(how.token))
            .where('expires_at', '>', this.now())
            .executeTakeFirst();
          if (claimed.numDeletedRows === 0n) throw new AppError('unauthorized', PASSWORD_STEP_ENDED);
        }
        const changed = await trx
          .updateTable('users')
          .set({ password_hash, password_change_required_at: null })
          .where('id', '=', user.id)
          .where('password_hash', '=', user.password_hash)
          .executeTakeFirst();
        if (changed.numUpdatedRows === 0n)
          throw new AppError(
            'conflict',
            how.via === 'first_sign_in'
              ? 'newPassword: an administrator reset this password meanwhile. Sign in with the newest one-time password.'
              : 'newPassword: your password was changed meanwhile (on another device, or by an administrator). Sign in again with the current one.',
            'newPassword',
          );
        const sessionsEnded = await this.sessions.endOtherSessions(trx, user.id, how.keep ?? null);
        // Sign-ins begun with the old password must not finish with it.
        await trx.deleteFrom('password_change_tokens').where('user_id', '=', user.id).execute();
        await trx.deleteFrom('mfa_challenges').where('user_id', '=', user.id).execute();
        await this.audit?.append(
          {
            type: PLATFORM_AUDIT_EVENT.passwordChanged,
            actor: user.id,
            subject: user.email,
            data: { via: how.via, address: how.address, sessionsEnded },
          },
          trx,
        );
        return sessionsEnded;
      }),
    );
  }
}
