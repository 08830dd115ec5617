/**
 * TOTP second factor (tables `totp_credentials`, `recovery_codes`, `mfa_challenges`).
 *
 * Enrolment: `start` stores a pending secret and returns it with its otpauth:// URI and QR code;
 * `confirm` checks a first code, marks the secret confirmed and returns 10 fresh recovery codes
 * (stored hashed). Sign-in: after the password, `challenge` issues an mfaToken (stored hashed,
 * 5 minutes, 5 tries); `verify` consumes one try and, on success, the challenge. The TOTP secret is
 * kept in the database sealed with the server key (totpSecrets.ts) because verifying needs it; it
 * leaves the server only at enrolment.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/index.js';
import type { DeviceRegistration, TotpEnrolment } from '../../shared/auth/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Database } from '../db/schema.js';
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from './recoveryCodes.js';
import { checkTotp, newTotpSecret, totpProvisioning } from './totp.js';
import { ServerKeyError } from '../crypto/serverKey.js';
import { TotpSecrets } from './totpSecrets.js';

export interface MfaPolicy {
  challengeMs: number;
  /** Codes one mfaToken may try before the sign-in must start again. */
  maxAttempts: number;
}

export const DEFAULT_MFA: MfaPolicy = { challengeMs: 5 * 60_000, maxAttempts: 5 };

export type ChallengeOutcome =
  | {
      ok: true;
      userId: string;
      device: DeviceRegistration;
      method: 'totp' | 'recovery_code';
      recoveryCodesLeft: number;
    }
  | { ok: false; reason: 'expired' }
  /** `used`: the right code, but one already used (e.g. the code just typed to confirm enrolment). */
  | { ok: false; reason: 'wrong' | 'used'; userId: string; attemptsLeft: number };

export class MfaService {
  private readonly secrets: TotpSecrets;

  /** `totpKey`: the server key's `totp` sub-key (ServerKey.subkey('totp')). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly audit: AuditSink,
    totpKey: Buffer,
    private readonly policy: MfaPolicy = DEFAULT_MFA,
  ) {
    this.secrets = new TotpSecrets(totpKey);
  }

  /** Seals every secret migration 0006 marked as plain text; returns how many. Run at start. */
  async sealPlainSecrets(): Promise<number> {
    const rows = await this.db
      .selectFrom('totp_credentials')
      .select(['user_id', 'secret'])
      .where('secret', 'like', 'plain:%')
      .execute();
    let sealed = 0;
    for (const row of rows) {
      const done = await this.db
        .updateTable('totp_credentials')
        .set({ secret: this.secrets.seal(row.user_id, this.secrets.open(row.user_id, row.secret)) })
        .where('user_id', '=', row.user_id)
        .where('secret', '=', row.secret) // not if re-enrolled meanwhile
        .executeTakeFirst();
      if (done.numUpdatedRows > 0n) sealed++;
    }
    return sealed;
  }

  /** The base32 secret of a stored row; a row that does not open is an operator problem, said so. */
  private secretOf(row: { user_id: string; secret: string }): string {
    try {
      return this.secrets.open(row.user_id, row.secret);
    } catch (err) {
      if (!(err instanceof ServerKeyError)) throw err;
      throw new AppError(
        'unavailable',
        "Two-step sign-in cannot be checked: this account's TOTP secret does not open with the server's key (was the key changed?). Ask an administrator to restore the previous key or reset your two-step sign-in.",
      );
    }
  }

  async isEnrolled(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('totp_credentials')
      .select('confirmed_at')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.confirmed_at !== null && row?.confirmed_at !== undefined;
  }

  /** A new pending secret (replacing any earlier pending one); 409 when TOTP is already on. */
  async start(user: { id: string; email: string }): Promise<TotpEnrolment> {
    if (await this.isEnrolled(user.id)) {
      throw new AppError(
        'conflict',
        'Two-step sign-in is already set up for this account. Ask an administrator to reset it if you lost your authenticator.',
      );
    }
    const secret = newTotpSecret();
    const sealed = this.secrets.seal(user.id, secret);
    const now = this.now();
    await this.db
      .insertInto('totp_credentials')
      .values({ user_id: user.id, secret: sealed, created_at: now, confirmed_at: null, last_step: null })
      .onConflict((oc) =>
        oc.column('user_id').doUpdateSet({ secret: sealed, created_at: now, confirmed_at: null, last_step: null }),
      )
      .execute();
    return { secret, ...(await totpProvisioning(secret, user.email)) };
  }

  /** Turns TOTP on with a first valid code; returns the recovery codes (the only time they are shown). */
  async confirm(userId: string, code: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('totp_credentials').selectAll().where('user_id', '=', userId).executeTakeFirst();
      if (!row || row.confirmed_at !== null) {
        throw new AppError(
          'conflict',
          row
            ? 'Two-step sign-in is already set up for this account.'
            : 'Start the set-up first (POST /v1/auth/totp/enroll), then send a code from your authenticator app.',
        );
      }
      const step = checkTotp(this.secretOf(row), code, this.now(), null);
      if (step === null)
        throw new AppError(
          'invalid_code',
          'That code is not right. Check the time on your phone and enter the current 6-digit code.',
          'code',
        );
      await trx
        .updateTable('totp_credentials')
        .set({ confirmed_at: this.now(), last_step: step })
        .where('user_id', '=', userId)
        .execute();
      const codes = await this.replaceRecoveryCodes(trx, userId);
      await this.audit.append(
        {
          type: PLATFORM_AUDIT_EVENT.totpEnrolled,
          actor: userId,
          subject: userId,
          data: { recoveryCodes: codes.length },
        },
        trx,
      );
      return codes;
    });
  }

  /** Ten new recovery codes for a user with TOTP on (the old ones stop working); 409 when TOTP is off. */
  async renewRecoveryCodes(userId: string): Promise<string[]> {
    if (!(await this.isEnrolled(userId)))
      throw new AppError(
        'conflict',
        'Two-step sign-in is off for this account, so it has no recovery codes. Set it up first.',
      );
    return this.db.transaction().execute(async (trx) => {
      const codes = await this.replaceRecoveryCodes(trx, userId);
      await this.audit.append(
        {
          type: PLATFORM_AUDIT_EVENT.totpRecoveryCodesRenewed,
          actor: userId,
          subject: userId,
          data: { recoveryCodes: codes.length },
        },
        trx,
      );
      return codes;
    });
  }

  /** Turns TOTP off for a user (admin reset after a lost phone, or the user with their password): secret and recovery codes go. */
  async reset(userId: string, by: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const gone = await trx.deleteFrom('totp_credentials').where('user_id', '=', userId).executeTakeFirst();
      await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
      await trx.deleteFrom('mfa_challenges').where('user_id', '=', userId).execute();
      if (gone.numDeletedRows === 0n) return false;
      await this.audit.append({ type: PLATFORM_AUDIT_EVENT.totpReset, actor: by, subject: userId }, trx);
      return true;
    });
  }

  async challenge(userId: string, device: DeviceRegistration): Promise<{ mfaToken: string; expiresIn: number }> {
    const mfaToken = newToken('mfa');
    const now = this.now();
    await this.db.deleteFrom('mfa_challenges').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('mfa_challenges')
      .values({
        token_hash: hashToken(mfaToken),
        user_id: userId,
        device_name: device.name,
        device_platform: device.platform,
        created_at: now,
        expires_at: now + this.policy.challengeMs,
        attempts: 0,
      })
      .execute();
    return { mfaToken, expiresIn: Math.round(this.policy.challengeMs / 1000) };
  }

  /** Consumes one try of the challenge with a TOTP code or a recovery code. */
  async verify(mfaToken: string, answer: { code?: string; recoveryCode?: string }): Promise<ChallengeOutcome> {
    const now = this.now();
    return this.db.transaction().execute(async (trx): Promise<ChallengeOutcome> => {
      // Claim the try first, in one UPDATE: concurrent verifies (also from another server process)
      // each take their own try, so one mfaToken never gets more than `maxAttempts` codes checked.
      const tokenHash = hashToken(mfaToken);
      const challenge = await trx
        .updateTable('mfa_challenges')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('token_hash', '=', tokenHash)
        .where('expires_at', '>', now)
        .where('attempts', '<', this.policy.maxAttempts)
        .returningAll()
        .executeTakeFirst();
      if (!challenge) {
        await trx.deleteFrom('mfa_challenges').where('token_hash', '=', tokenHash).execute(); // expired or used up
        return { ok: false, reason: 'expired' };
      }
      const userId = challenge.user_id;
      const method = answer.recoveryCode ? 'recovery_code' : 'totp';
      const result = answer.recoveryCode
        ? (await this.useRecoveryCode(trx, userId, answer.recoveryCode))
          ? 'ok'
          : 'wrong'
        : await this.useTotp(trx, userId, answer.code ?? '');
      if (result !== 'ok') {
        const attempts = Number(challenge.attempts);
        if (attempts >= this.policy.maxAttempts)
          await trx.deleteFrom('mfa_challenges').where('token_hash', '=', tokenHash).execute();
        return { ok: false, reason: result, userId, attemptsLeft: this.policy.maxAttempts - attempts };
      }
      await trx.deleteFrom('mfa_challenges').where('token_hash', '=', challenge.token_hash).execute();
      const left = await trx
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      const device: DeviceRegistration = {
        name: challenge.device_name,
        platform: challenge.device_platform as DeviceRegistration['platform'],
      };
      return { ok: true, userId, device, method, recoveryCodesLeft: Number(left.n) };
    });
  }

  private async useTotp(trx: Kysely<Database>, userId: string, code: string): Promise<'ok' | 'wrong' | 'used'> {
    const row = await trx.selectFrom('totp_credentials').selectAll().where('user_id', '=', userId).executeTakeFirst();
    if (!row || row.confirmed_at === null) return 'wrong';
    const secret = this.secretOf(row);
    const step = checkTotp(secret, code, this.now(), null);
    if (step === null) return 'wrong';
    // A right code whose step is not after the last one accepted: typed twice, not mistyped.
    if (row.last_step !== null && step <= Number(row.last_step)) return 'used';
    // Conditional, so the same code raced to two server processes is accepted only once. A row
    // still marked plain (before the start-up sweep) is sealed on the way.
    const moved = await trx
      .updateTable('totp_credentials')
      .set({
        last_step: step,
        ...(this.secrets.isPlain(row.secret) ? { secret: this.secrets.seal(userId, secret) } : {}),
      })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return moved.numUpdatedRows > 0n ? 'ok' : 'used';
  }

  private async useRecoveryCode(trx: Kysely<Database>, userId: string, code: string): Promise<boolean> {
    const used = await trx
      .updateTable('recovery_codes')
      .set({ used_at: this.now() })
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return used.numUpdatedRows > 0n;
  }

  private async replaceRecoveryCodes(trx: Kysely<Database>, userId: string): Promise<string[]> {
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const now = this.now();
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((c) => ({ code_hash: hashRecoveryCode(c), user_id: userId, created_at: now, used_at: null })))
      .execute();
    return codes;
  }
}
