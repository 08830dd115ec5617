/**
 * Opaque bearer tokens: 32 random bytes, base64url, with a prefix so secret scanners recognise
 * them (`csa_` access, `csr_` refresh, `csm_` pending TOTP sign-in, `csp_` the
 * "choose your own password" step after a one-time password). Only `hashToken(token)` is ever stored or compared.
 */
import { createHash, randomBytes } from 'node:crypto';

export type TokenKind = 'access' | 'refresh' | 'mfa' | 'password';

const PREFIX: Record<TokenKind, string> = { access: 'csa_', refresh: 'csr_', mfa: 'csm_', password: 'csp_' };

export function newToken(kind: TokenKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

/** SHA-256 hex. Tokens carry 256 bits of randomness, so a fast hash is enough (unlike passwords). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
