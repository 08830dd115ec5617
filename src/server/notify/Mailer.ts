/**
 * Outgoing mail: SMS codes go by email-to-SMS gateways and escalations by email, both through one
 * `Mailer`. Production uses SMTP from `SMTP_URL` (nodemailer); the demo workspace uses the folder
 * outbox (FolderOutbox.ts). Message texts may hold an SMS code: a Mailer never logs a message, and
 * callers never log what they pass in.
 */
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { AppError } from '../../shared/api/index.js';

export interface MailMessage {
  to: string | string[];
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends one message; resolves with the message id, or throws an AppError a person can act on. */
  send(message: MailMessage): Promise<{ id: string }>;
}

export const DEFAULT_FROM = 'Callsign help desk <helpdesk@callsign.invalid>';

const NOT_SENT =
  "The mail server did not accept the message. Try again in a minute; if it keeps failing, ask your administrator to check the server's SMTP settings.";

/** Where a failed send is logged: safe fields only (see createSmtpMailer). */
export type MailFailureLog = (detail: Record<string, unknown>, msg: string) => void;

/** The server's JSON log format on stderr, as `serve` writes its other lines. */
const stderrLog: MailFailureLog = (detail, msg) => pino({ name: 'mailer' }, process.stderr).error(detail, msg);

/**
 * How long a send may wait on the mail server, in ms. nodemailer's defaults (2 minutes to connect,
 * 30 s for the greeting, 10 minutes of silence) would hold the request that sends — an SMS code, an
 * escalation, a security notice after a password change — that long when the server is black-holed.
 * An `SMTP_URL` query (`?connectionTimeout=…`) still overrides these.
 */
export interface SmtpTimeouts {
  connectionTimeout: number;
  greetingTimeout: number;
  socketTimeout: number;
}

export const SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/**
 * SMTP from a connection URL (`smtp://user:pass@host:587`, `smtps://…`). The URL is never echoed. A
 * failure is logged with nodemailer's code, SMTP command and response code and the host — not its
 * message (it may quote the server's reply, which can echo addresses), not the recipients or text
 * (an SMS code) — and reaches the caller as `unavailable` with what to do.
 */
export function createSmtpMailer(
  url: string,
  from = DEFAULT_FROM,
  log: MailFailureLog = stderrLog,
  timeouts: SmtpTimeouts = SMTP_TIMEOUTS,
): Mailer {
  const transport = nodemailer.createTransport({ url, ...timeouts });
  const smtpHost = (() => {
    try {
      return new URL(url).host;
    } catch {
      return 'unparseable SMTP_URL';
    }
  })();
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, ...message });
        return { id: String(info.messageId) };
      } catch (err) {
        const e = (err ?? {}) as { code?: unknown; command?: unknown; responseCode?: unknown };
        log(
          { smtpHost, code: e.code, command: e.command, responseCode: e.responseCode },
          'mail not sent: the SMTP server refused or could not be reached',
        );
        throw new AppError('unavailable', NOT_SENT);
      }
    },
  };
}

/** Used when no SMTP server is configured: every send fails with a message saying what to set. */
export const unconfiguredMailer: Mailer = {
  send() {
    return Promise.reject(
      new AppError(
        'unavailable',
        'This server cannot send messages: no mail server is configured. Ask your administrator to set SMTP_URL and restart the server.',
      ),
    );
  },
};

/** The mailer for a server started outside the demo workspace. */
export function mailerFromEnv(env: Record<string, string | undefined>): Mailer {
  return env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM || DEFAULT_FROM) : unconfiguredMailer;
}
