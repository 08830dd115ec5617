/**
 * Plain-words reasons for an `ldap` driver failure, shown to the NOC and supervisors and audited
 * (the account's "rotation failed" reason). Each says what failed, where, and what to check. Any
 * text from the directory or the socket is scrubbed of the secrets in play before it is quoted.
 */
import {
  ConfidentialityRequiredError,
  ConstraintViolationError,
  InsufficientAccessError,
  InvalidCredentialsError,
  NoSuchObjectError,
  ResultCodeError,
  StrongAuthRequiredError,
  UnwillingToPerformError,
} from 'ldapts';
import type { LdapDirectoryConfig } from './ldapConfig.js';

/** What the driver was doing when it failed. */
export type LdapStep = 'service-bind' | 'search' | 'change' | 'user-bind';

const DOING: Record<LdapStep, string> = {
  'service-bind': 'signing in as the service account',
  search: 'looking up the account',
  change: 'changing the password',
  'user-bind': 'checking the password',
};

const UNREACHABLE_CODES = new Set(['ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EHOSTDOWN', 'ENETDOWN']);

/** Replaces every occurrence of each secret by `***`. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('***');
  return out;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

export function describeLdapFailure(
  err: unknown,
  step: LdapStep,
  config: LdapDirectoryConfig,
  secrets: readonly string[],
  consequence: string,
): string {
  const where = `the directory at ${config.url}`;
  const message = scrub(err instanceof Error ? err.message : String(err), secrets)
    .split('\n')[0]!
    .trim();
  const code = (err as { code?: unknown } | null)?.code;
  const say = (text: string) => `${text}; ${consequence}`;

  if (code === 'ETIMEDOUT' || /Connection timeout|Operation timed out/i.test(message)) {
    return say(`${where} did not answer within ${seconds(config.timeoutMs)} while ${DOING[step]}`);
  }
  if (code === 'ECONNREFUSED') {
    return say(`${where} refused the connection (is the directory service running and the port right?)`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return say(`the host of ${config.url} was not found (DNS); check the directory URL`);
  }
  if ((typeof code === 'string' && UNREACHABLE_CODES.has(code)) || /Connection closed|Socket error/i.test(message)) {
    return say(`${where} closed the connection while ${DOING[step]} (${message})`);
  }
  if (typeof code === 'string' && /CERT|SELF_SIGNED|UNABLE_TO|ERR_TLS|ERR_SSL/.test(code)) {
    return say(
      `the certificate of ${where} is not trusted (${code}); add the CA certificate that signed it to the site's ` +
        `directory settings, and use the host name the certificate names`,
    );
  }
  if (err instanceof InvalidCredentialsError && step === 'service-bind') {
    return say(
      `${where} refused the service account ${config.bindDn} (invalid credentials); ` +
        `check its DN and password in the site's directory settings`,
    );
  }
  if (err instanceof InsufficientAccessError) {
    return say(
      `the service account ${config.bindDn} may not do this while ${DOING[step]}; grant it write access to ` +
        (config.flavour === 'openldap'
          ? 'userPassword (an OpenLDAP ACL)'
          : "the Reset Password right on the account's OU"),
    );
  }
  if (err instanceof ConfidentialityRequiredError || err instanceof StrongAuthRequiredError) {
    return say(`${where} requires an encrypted connection while ${DOING[step]}; use an ldaps:// URL`);
  }
  if ((err instanceof ConstraintViolationError || err instanceof UnwillingToPerformError) && step === 'change') {
    return say(
      `${where} refused the new password (its password policy: length, complexity, history or minimum age): ${message}`,
    );
  }
  if (err instanceof NoSuchObjectError && step === 'search') {
    return say(`the base DN ${config.baseDn} does not exist in ${where}; check the base DN`);
  }
  if (err instanceof ResultCodeError) {
    return say(`${where} answered ${err.name} (LDAP code ${err.code}) while ${DOING[step]}: ${message}`);
  }
  return say(`${DOING[step]} at ${where} failed: ${message}`);
}
