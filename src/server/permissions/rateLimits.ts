/**
 * Per-minute request limits on sign-in, counted in the database (RateLimiter, table `rate_limits`)
 * so that every server process on one database shares them, on top of the database-backed lockout
 * after repeated failures (auth/LoginThrottle.ts):
 *  - `/v1/auth/login`: at most `signInPerMinute` attempts per client address and per account;
 *  - `/v1/auth/totp`: at most `signInPerMinute` per address (each mfaToken also allows only 5 codes,
 *    counted in the database by MfaService).
 *  - `/v1/auth/password/choose` and `/v1/auth/password`: at most `signInPerMinute` per address, and for
 *    the signed-in change per account too (a wrong current password also counts towards the lockout).
 *  - `/v1/sms/codes`: SMS codes sent — per technician and per recipient (SMS_LIMITS), so a script or
 *    a stuck retry loop cannot flood a client's phone (each text also costs the MSP money).
 *  - `/v1/approvals/escalations`: escalation emails asked for, per technician (ESCALATION_LIMITS),
 *    counted together with the escalations sent when escalated records are uploaded.
 * A refused request gets 429 `rate_limited` with Retry-After.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError, SMS_SENDS_PER_PERSON } from '../../shared/api/index.js';
import type { RateLimiter } from './RateLimiter.js';

export interface RateLimitPolicy {
  signInPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitPolicy = { signInPerMinute: 10 };

/** A call needs two or three codes (caller, approver, a re-send); these leave room for a busy shift. */
export const SMS_LIMITS = {
  perTechnician: { max: 20, windowMs: 10 * 60_000 },
  perRecipient: SMS_SENDS_PER_PERSON,
} as const;

/** Escalations are rare (Tier 4, partner); the wizard asks at most three times per record. */
export const ESCALATION_LIMITS = {
  perTechnician: { max: 10, windowMs: 10 * 60_000 },
} as const;

export const escalationLimitKey = (userId: string) => `escalation-tech:${userId}`;

const WINDOW_MS = 60_000;

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

interface Check {
  key: string;
  max: number;
  windowMs: number;
  /** The 429's message: what happened and what to do. */
  message: string;
}

/**
 * Counts a request against each check in order, stopping at the first refusal (so a flood from
 * one address does not also use up the account's count): 429 `rate_limited` with Retry-After.
 */
async function enforce(limiter: RateLimiter, checks: readonly Check[], reply: FastifyReply): Promise<void> {
  for (const c of checks) {
    const hit = await limiter.hit(c.key, c.max, c.windowMs);
    if (hit.allowed) continue;
    reply.header('Retry-After', String(hit.retryAfterSeconds));
    throw new AppError('rate_limited', c.message);
  }
}

/** preHandler hooks (after body validation, so the account is known) for the sign-in routes. */
export function signInLimits(
  limiter: RateLimiter,
  policy: RateLimitPolicy,
): { login: preHandlerAsyncHookHandler; totp: preHandlerAsyncHookHandler; password: preHandlerAsyncHookHandler } {
  const perMinute = (key: string): Check => ({
    key,
    max: policy.signInPerMinute,
    windowMs: WINDOW_MS,
    message: 'Too many sign-in attempts in the last minute. Wait a minute and try again.',
  });
  return {
    login: async (request, reply) =>
      enforce(limiter, [perMinute(`login-addr:${request.ip}`), perMinute(`login-account:${emailOf(request)}`)], reply),
    totp: async (request, reply) => enforce(limiter, [perMinute(`totp-addr:${request.ip}`)], reply),
    password: async (request, reply) => {
      const user = request.principal?.user.id;
      const checks = [perMinute(`password-addr:${request.ip}`), ...(user ? [perMinute(`password-user:${user}`)] : [])];
      return enforce(limiter, checks, reply);
    },
  };
}

/** preHandler for `POST /v1/sms/codes` (after validation and authentication). */
export function smsSendLimit(limiter: RateLimiter): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const body = request.body as { siteId: string; profileId?: string; number?: string };
    const recipient = body.profileId ? `profile:${body.profileId}` : `number:${(body.number ?? '').replace(/\D/g, '')}`;
    await enforce(
      limiter,
      [
        {
          key: `sms-tech:${request.principal?.user.id ?? request.ip}`,
          ...SMS_LIMITS.perTechnician,
          message: `You have asked for ${SMS_LIMITS.perTechnician.max} codes in the last 10 minutes. Wait a few minutes, or verify this caller another way.`,
        },
        {
          key: `sms-to:${body.siteId}:${recipient}`,
          ...SMS_LIMITS.perRecipient,
          message: `This person has been sent ${SMS_LIMITS.perRecipient.max} codes in the last 5 minutes. Ask them to check their phone, or wait before sending another.`,
        },
      ],
      reply,
    );
  };
}

/** Vault check-outs per user (issue 10): a person needs a handful an hour; a script needs many more. */
export const VAULT_CHECKOUT_LIMIT = { max: 30, windowMs: 60 * 60_000 } as const;

/** preHandler for `POST /v1/credentials/:id/checkout` (after authentication and validation). */
export function vaultCheckoutLimit(
  limiter: RateLimiter,
  limit: { max: number; windowMs: number } = VAULT_CHECKOUT_LIMIT,
): preHandlerAsyncHookHandler {
  return async (request, reply) =>
    enforce(
      limiter,
      [
        {
          key: `vault-checkout:${request.principal?.user.id ?? request.ip}`,
          ...limit,
          message: `You have checked out ${limit.max} passwords in the last hour. Wait before the next one, or ask a supervisor if a job really needs more.`,
        },
      ],
      reply,
    );
}

/** preHandler for `POST /v1/approvals/escalations` (after validation and authentication). */
export function escalationLimit(limiter: RateLimiter): preHandlerAsyncHookHandler {
  return async (request, reply) =>
    enforce(
      limiter,
      [
        {
          key: escalationLimitKey(request.principal?.user.id ?? request.ip),
          ...ESCALATION_LIMITS.perTechnician,
          message: `You have asked for ${ESCALATION_LIMITS.perTechnician.max} escalations in the last 10 minutes. Wait a few minutes and try again, or phone the site's contacts.`,
        },
      ],
      reply,
    );
}
