/**
 * Which Callsign server addresses the desktop accepts. Passwords, TOTP codes and tokens cross this
 * connection, so it must be https — except to this computer itself (the demo and a local server),
 * where plain http never leaves the machine. Used by the Settings and `session.login` schemas, so a
 * typed address, a stored one and one from a deep link all pass the same check.
 */
import { z } from 'zod';

const EXAMPLE = 'https://callsign.example.com';

/** localhost, 127.0.0.0/8 and ::1 as the WHATWG URL parser normalises them (so 127.1 and 0x7f.1 count too). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type ServerUrlIssue = 'invalid' | 'scheme' | 'credentials' | 'insecure';

/** Which rule a server address breaks (the renderer words it per language), or undefined when it is fine. */
export function serverUrlIssue(value: string): ServerUrlIssue | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'scheme';
  if (url.username || url.password) return 'credentials';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'insecure';
  return undefined;
}

const PROBLEMS: Record<ServerUrlIssue, string> = {
  invalid: `Enter the full server address, e.g. ${EXAMPLE}.`,
  scheme: `The server address must start with https://, e.g. ${EXAMPLE}.`,
  credentials: 'Remove the user name or password from the server address; sign in with the email and password fields.',
  insecure: `The server address must use https:// — plain http:// would send your password unencrypted, so it is allowed only for this computer (localhost, 127.0.0.1, ::1). Ask your administrator for the https:// address.`,
};

/** Why a server address is refused (a sentence saying what to do), or undefined when it is fine. */
export function serverUrlProblem(value: string): string | undefined {
  const issue = serverUrlIssue(value);
  return issue && PROBLEMS[issue];
}

/** A server address the desktop may connect to (see serverUrlProblem). */
export const ServerUrl = z.string().superRefine((value, ctx) => {
  const problem = serverUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
