/**
 * SMS verification codes (APPROVALS.md §3, "SMS authentication"). Table `sms_codes` keeps, per code,
 * only a per-code random salt and HMAC-SHA-256(key, salt:code) — never the code — plus the
 * masked number, expiry and check count; rows are purged a day after they expire. The HMAC key is
 * the server key's `sms-hmac` sub-key (crypto/atRestKey.ts), the same in every process on one
 * database, so a code sent through one process checks on another and survives a restart.
 *
 * A check claims its try in ONE conditional UPDATE (`checks < max`, unused, unexpired, the asking
 * technician's) before comparing, and a right code is used up by another conditional UPDATE: under
 * concurrent checks — also from several processes — no more than `max` are counted and a code is
 * accepted once.
 *
 * A code: 6 digits from `crypto.randomInt`, valid for 5 minutes; a correct check uses it up. Wrong
 * checks are counted per person, not per code: the approval workflow ends in `auth_failed` after
 * MAX_CODE_FAILURES (3) wrong codes for one person, so a new code sent to the same number by the same
 * technician within the code lifetime inherits the wrong checks of the unused codes before it. The
 * `attemptsLeft` a check answers (and audits) is then the same number the wizard shows. The code exists in plain text only in memory here and in the message handed to
 * the Mailer; it is never logged, never in a response, never in an error message or audit event.
 */
import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AppError, SmsCodeChecked, type SmsCodeRequest, type SmsCodeSent } from '../../shared/api/index.js';
import { MAX_CODE_FAILURES } from '../../shared/approvals/workflowTypes.js';
import { greetingFor, type Site } from '../../shared/domain/index.js';
import { AUDIT_EVENT, type AuditSink } from '../audit/AuditLog.js';
import type { Database } from '../db/schema.js';
import type { Mailer } from '../notify/Mailer.js';
import type { SmsRecipient } from './resolveSmsRecipient.js';
import { gatewayAddress, maskNumber } from './smsAddress.js';

export const SMS_CODE_TTL_MS = 5 * 60_000;
/** Wrong checks allowed per person (across re-sent codes): the workflow's own limit. */
export const SMS_CODE_MAX_CHECKS = MAX_CODE_FAILURES;
const PURGE_AFTER_MS = 86_400_000;

/** `SmsCodeChecked` plus why a check failed. Candidate for src/shared/api/approvals.ts. */
export const SmsCheckResult = SmsCodeChecked.extend({
  reason: z.enum(['wrong_code', 'expired', 'too_many_attempts', 'already_used']).optional(),
});
export type SmsCheckResult = z.infer<typeof SmsCheckResult>;

export interface SmsCodeOptions {
  ttlMs?: number;
  maxChecks?: number;
  /** For tests only: a fixed code generator. */
  generateCode?: () => string;
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** The SMS text, in the site's own greeting name. */
export function smsText(site: Pick<Site, 'companyName' | 'callerGreeting'>, code: string, minutes: number): string {
  const greeting = greetingFor(site).slice(0, 60);
  const sender = /help ?desk/i.test(greeting) ? greeting : `${greeting} help desk`;
  return `${sender}: your verification code is ${code}. It expires in ${minutes} minutes.`;
}

export interface Actor {
  id: string;
}

export class SmsCodeService {
  private readonly ttlMs: number;
  private readonly maxChecks: number;
  private readonly generateCode: () => string;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly mailer: Mailer,
    private readonly audit: AuditSink,
    private readonly now: () => number,
    /** The server key's `sms-hmac` sub-key. */
    private readonly key: Buffer,
    options: SmsCodeOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? SMS_CODE_TTL_MS;
    this.maxChecks = options.maxChecks ?? SMS_CODE_MAX_CHECKS;
    this.generateCode = options.generateCode ?? newCode;
  }

  /** Sends a new code to the recipient by email-to-SMS and records it (hashed) with an audit event. */
  async send(request: SmsCodeRequest, recipient: SmsRecipient, actor: Actor): Promise<SmsCodeSent> {
    const code = this.generateCode();
    const sentTo = maskNumber(recipient.target.number);
    const minutes = Math.round(this.ttlMs / 60_000);
    await this.mailer.send({
      to: gatewayAddress(recipient.target),
      subject: 'Verification code',
      text: smsText(recipient.site, code, minutes),
    });

    const id = randomUUID();
    const salt = randomBytes(16).toString('base64url');
    const createdAt = this.now();
    const expiresAt = createdAt + this.ttlMs;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('sms_codes')
        .where('expires_at', '<', createdAt - PURGE_AFTER_MS)
        .execute();
      // Re-sending does not buy more tries: start from the wrong checks of this person's live codes.
      const earlier = await trx
        .selectFrom('sms_codes')
        .select((eb) => eb.fn.max<number | string | null>('checks').as('checks'))
        .where('requested_by', '=', actor.id)
        .where('site_id', '=', recipient.site.id)
        .where('purpose', '=', request.purpose)
        .where('sent_to', '=', sentTo)
        .where('used_at', 'is', null)
        .where('created_at', '>', createdAt - this.ttlMs)
        .executeTakeFirst();
      const inherited = Math.min(Number(earlier?.checks ?? 0), this.maxChecks);
      await trx
        .insertInto('sms_codes')
        .values({
          id,
          site_id: recipient.site.id,
          purpose: request.purpose,
          requested_by: actor.id,
          sent_to: sentTo,
          salt,
          code_hash: this.hash(salt, code),
          created_at: createdAt,
          expires_at: expiresAt,
          checks: inherited,
          used_at: null,
        })
        .execute();
      await this.audit.append(
        {
          type: AUDIT_EVENT.smsCodeSent,
          actor: actor.id,
          subject: id,
          data: {
            siteId: recipient.site.id,
            purpose: request.purpose,
            profileId: request.profileId,
            to: recipient.name,
            sentTo,
          },
        },
        trx,
      );
    });
    return { codeId: id, sentTo, expiresAt: new Date(expiresAt).toISOString() };
  }

  /** Checks a code in constant time. Only the technician who asked for the code may check it. */
  async check(id: string, code: string, actor: Actor): Promise<SmsCheckResult> {
    const now = this.now();
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('sms_codes')
        .set((eb) => ({ checks: eb('checks', '+', 1) }))
        .where('id', '=', id)
        .where('requested_by', '=', actor.id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .where('checks', '<', this.maxChecks)
        .returningAll()
        .executeTakeFirst();
      if (!claimed) return this.refusal(trx, id, actor, now);

      const ok = timingSafeEqual(
        Buffer.from(this.hash(claimed.salt, code), 'hex'),
        Buffer.from(claimed.code_hash, 'hex'),
      );
      // A right code raced by another right check: only the first to mark it used wins.
      const used = ok
        ? (
            await trx
              .updateTable('sms_codes')
              .set({ used_at: now })
              .where('id', '=', id)
              .where('used_at', 'is', null)
              .executeTakeFirst()
          ).numUpdatedRows > 0n
        : false;
      if (ok && !used) return { ok: false, attemptsLeft: 0, reason: 'already_used' };
      const attemptsLeft = used ? 0 : this.maxChecks - Number(claimed.checks);
      const result: SmsCheckResult = used
        ? { ok: true, attemptsLeft }
        : { ok: false, attemptsLeft, reason: attemptsLeft > 0 ? 'wrong_code' : 'too_many_attempts' };
      await this.audit.append(
        { type: AUDIT_EVENT.smsCodeChecked, actor: actor.id, subject: id, data: { ...result } },
        trx,
      );
      return result;
    });
  }

  /** Why no try could be claimed: unknown (or another technician's), used, expired or out of tries. */
  private async refusal(trx: Kysely<Database>, id: string, actor: Actor, now: number): Promise<SmsCheckResult> {
    const row = await trx.selectFrom('sms_codes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.requested_by !== actor.id) {
      throw new AppError(
        'not_found',
        'There is no such SMS code (it may have been sent by another technician or purged). Send a new code.',
      );
    }
    const reason: NonNullable<SmsCheckResult['reason']> =
      row.used_at !== null ? 'already_used' : now >= Number(row.expires_at) ? 'expired' : 'too_many_attempts';
    return { ok: false, attemptsLeft: 0, reason };
  }

  private hash(salt: string, code: string): string {
    return createHmac('sha256', this.key).update(`${salt}:${code}`).digest('hex');
  }
}
