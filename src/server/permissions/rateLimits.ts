/**
 * Per-minute request limits on sign-in, counted in the database (RateLimiter, table `rate_limits`)
 * so that every server process on one database shares them, on top of the database-backed lockout
 * after repeated failures (auth/LoginThrottle.ts):
 *  - `/v1/auth/login`: at most `signInPerMinute` attempts per client address and per account;
 *  - `/v1/auth/totp`: at most `signInPerMinute` per address (each mfaToken also allows only 5 codes,
 *    counted in the database by MfaService).
 * A refused request gets 429 `rate_limited` with Retry-After.
 */
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../shared/api/index.js';
import type { RateLimiter } from './RateLimiter.js';

export interface RateLimitPolicy {
  signInPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitPolicy = { signInPerMinute: 10 };

const WINDOW_MS = 60_000;

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/** preHandler hooks (after body validation, so the account is known) for the sign-in routes. */
export function signInLimits(limiter: RateLimiter, policy: RateLimitPolicy): { login: preHandlerAsyncHookHandler; totp: preHandlerAsyncHookHandler } {
  // In order, stopping at the first refusal: a flood from one address does not use up the account's count.
  const enforce = async (keys: string[], reply: FastifyReply) => {
    for (const key of keys) {
      const hit = await limiter.hit(key, policy.signInPerMinute, WINDOW_MS);
      if (hit.allowed) continue;
      reply.header('Retry-After', String(hit.retryAfterSeconds));
      throw new AppError('rate_limited', 'Too many sign-in attempts in the last minute. Wait a minute and try again.');
    }
  };
  return {
    login: async (request, reply) => enforce([`login-addr:${request.ip}`, `login-account:${emailOf(request)}`], reply),
    totp: async (request, reply) => enforce([`totp-addr:${request.ip}`], reply),
  };
}
