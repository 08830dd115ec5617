/**
 * Per-minute request limits on sign-in (in memory, via @fastify/rate-limit's `createRateLimit`),
 * on top of the database-backed lockout after repeated failures (auth/LoginThrottle.ts):
 *  - `/v1/auth/login`: at most `signInPerMinute` attempts per client address and per account;
 *  - `/v1/auth/totp`: at most `signInPerMinute` per address (each mfaToken also allows only 5 codes,
 *    counted in the database by MfaService).
 * A refused request gets 429 `rate_limited` with Retry-After.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../../shared/api/index.js';

export interface RateLimitPolicy {
  signInPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitPolicy = { signInPerMinute: 10 };

type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number }>;

function limiter(app: FastifyInstance, max: number, key: (request: FastifyRequest) => string): Check {
  return app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: key }) as Check;
}

async function enforce(checks: Check[], request: FastifyRequest, reply: FastifyReply): Promise<void> {
  for (const check of checks) {
    const r = await check(request);
    if (!r.isAllowed && r.isExceeded) {
      reply.header('Retry-After', String(Math.max(1, r.ttlInSeconds ?? 60)));
      throw new AppError('rate_limited', 'Too many sign-in attempts in the last minute. Wait a minute and try again.');
    }
  }
}

const emailOf = (request: FastifyRequest) => {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/** preHandler hooks (after body validation, so the account is known) for the sign-in routes. */
export function signInLimits(app: FastifyInstance, policy: RateLimitPolicy): { login: preHandlerAsyncHookHandler; totp: preHandlerAsyncHookHandler } {
  const byAddress = limiter(app, policy.signInPerMinute, (r) => `login-addr:${r.ip}`);
  const byAccount = limiter(app, policy.signInPerMinute, (r) => `login-account:${emailOf(r)}`);
  const totpByAddress = limiter(app, policy.signInPerMinute, (r) => `totp-addr:${r.ip}`);
  return {
    login: async (request, reply) => enforce([byAddress, byAccount], request, reply),
    totp: async (request, reply) => enforce([totpByAddress], request, reply),
  };
}
