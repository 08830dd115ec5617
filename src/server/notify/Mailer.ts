/**
 * Outgoing mail: SMS codes go by email-to-SMS gateways and escalations by email, both through one
 * `Mailer`. Production uses SMTP from `SMTP_URL` (nodemailer); the demo workspace uses the folder
 * outbox (FolderOutbox.ts). Message texts may hold an SMS code: a Mailer never logs a message, and
 * callers never log what they pass in.
 */
import nodemailer from 'nodemailer';
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

/** SMTP from a connection URL (`smtp://user:pass@host:587`, `smtps://…`). The URL is never echoed. */
export function createSmtpMailer(url: string, from = DEFAULT_FROM): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, ...message });
        return { id: String(info.messageId) };
      } catch {
        // nodemailer's error may quote the server's reply; keep it out of the response.
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
