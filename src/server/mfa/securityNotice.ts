/**
 * Tells a user by e-mail that how their account signs in changed, through the server's Mailer (the
 * demo's folder outbox, or SMTP): two-step sign-in (issue 11 #6), their password changed by
 * themselves, and an administrator's reset of either. A person whose password was changed by someone
 * else hears of it at once and can act. Names what changed, when and from which address — never a
 * secret, code or password. A failure to send does not undo the change (it is already made and
 * audited); it is logged so an operator can see mail is not going out, and the notice is tried again.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { UserInfo } from '../../shared/api/index.js';
import type { MailQueue } from '../notify/MailQueue.js';

export type SecurityChange =
  'totp_on' | 'totp_off' | 'recovery_codes' | 'password_changed' | 'password_reset' | 'totp_reset';

const SUBJECT: Record<SecurityChange, string> = {
  totp_on: '[Callsign] Two-step sign-in was turned on for your account',
  totp_off: '[Callsign] Two-step sign-in was turned off for your account',
  recovery_codes: '[Callsign] New recovery codes were made for your account',
  password_changed: '[Callsign] Your password was changed',
  password_reset: '[Callsign] An administrator reset your password',
  totp_reset: '[Callsign] An administrator turned off two-step sign-in for your account',
};

const WHAT: Record<SecurityChange, string> = {
  totp_on: 'Two-step sign-in (an authenticator app code at every sign-in) was turned on',
  totp_off: 'Two-step sign-in was turned off; your password alone now signs you in',
  recovery_codes: 'New recovery codes were made; the earlier ones no longer work',
  password_changed: 'Your password was changed and your other sessions were signed out',
  password_reset:
    'An administrator set a one-time password in place of yours and signed out your sessions (it works for 72 hours, once, to choose your own)',
  totp_reset:
    'An administrator turned off two-step sign-in (an authenticator app code at every sign-in); your password alone now signs you in until you set it up again',
};

/**
 * The notices go through the durable mail queue (notify/MailQueue.ts): `send` stores the message and
 * returns (a few ms), so the person changing a password never waits for the mail server, and a notice
 * survives a mail server that is down for a while (it is retried for 24 hours) and a restart of this
 * server. A failure to queue is logged on the request's logger; the change itself is made either way.
 */
export class SecurityNotices {
  constructor(
    private readonly queue: MailQueue,
    private readonly now: () => number,
  ) {}

  /**
   * Queues the e-mail telling `user` about `change`, made by `request` (its address goes in the text,
   * a failure to its log). The user is the one signed in for their own changes, the account changed
   * for an administrator's. The time is when the change was made, not when the mail leaves.
   */
  async send(request: { log: FastifyBaseLogger; ip: string }, user: UserInfo, change: SecurityChange): Promise<void> {
    const text = [
      `Hello ${user.name},`,
      '',
      `${WHAT[change]} for ${user.email} at ${new Date(this.now()).toISOString()}, from ${request.ip}.`,
      '',
      'If this was you, there is nothing to do.',
      'If it was not, change your password now and ask an administrator to check your devices and two-step sign-in.',
    ].join('\n');
    try {
      await this.queue.enqueue(`security_notice:${change}`, { to: user.email, subject: SUBJECT[change], text });
    } catch (err) {
      request.log.error(
        { err: err instanceof Error ? err.message : String(err), change },
        'could not queue the e-mail telling the user about a change to how they sign in; the change itself is made',
      );
    }
  }

  /** Resolves once the notices queued so far have been sent or have failed once (tests read the outbox after it). */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
