/**
 * Tells a user by e-mail that two-step sign-in changed on their account (issue 11 #6), through the
 * server's Mailer (the demo's folder outbox, or SMTP). Names what changed, when and from which
 * address — never a secret, code or password. A failure to send does not undo the change (it is
 * already made and audited); it is logged so an operator can see mail is not going out.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { UserInfo } from '../../shared/api/index.js';
import type { Mailer } from '../notify/Mailer.js';

export type SecurityChange = 'totp_on' | 'totp_off' | 'recovery_codes';

const SUBJECT: Record<SecurityChange, string> = {
  totp_on: '[Callsign] Two-step sign-in was turned on for your account',
  totp_off: '[Callsign] Two-step sign-in was turned off for your account',
  recovery_codes: '[Callsign] New recovery codes were made for your account',
};

const WHAT: Record<SecurityChange, string> = {
  totp_on: 'Two-step sign-in (an authenticator app code at every sign-in) was turned on',
  totp_off: 'Two-step sign-in was turned off; your password alone now signs you in',
  recovery_codes: 'New recovery codes were made; the earlier ones no longer work',
};

export async function sendSecurityNotice(
  deps: { mailer: Mailer; log: FastifyBaseLogger; now: () => number },
  user: UserInfo,
  change: SecurityChange,
  address: string,
): Promise<void> {
  try {
    await deps.mailer.send({
      to: user.email,
      subject: SUBJECT[change],
      text: [
        `Hello ${user.name},`,
        '',
        `${WHAT[change]} for ${user.email} at ${new Date(deps.now()).toISOString()}, from ${address}.`,
        '',
        'If this was you, there is nothing to do.',
        'If it was not, change your password now and ask an administrator to check your devices and two-step sign-in.',
      ].join('\n'),
    });
  } catch (err) {
    deps.log.error(
      { err: err instanceof Error ? err.message : String(err), change },
      'could not e-mail the user about a change to their two-step sign-in; the change itself is made',
    );
  }
}
