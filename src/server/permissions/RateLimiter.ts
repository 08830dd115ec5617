/**
 * Fixed-window request counters in the database (table `rate_limits`), so that two server
 * processes on one PostgreSQL enforce one limit between them instead of one each. A hit is ONE
 * atomic upsert — insert the key, or bump its count, or restart its window when the old one has
 * passed — whose RETURNING tells whether this hit is within the limit; no read-then-write race.
 * Keys hold an address or a lower-cased email, never a password or token.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface Hit {
  allowed: boolean;
  /** Seconds until the key's window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/** No limit counts over a longer window than this (rateLimits.ts). */
export const LONGEST_WINDOW_MS = 60 * 60_000;

export class RateLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {}

  /** Counts one request against `key`; allowed while the window holds at most `max` hits. */
  async hit(key: string, max: number, windowMs: number): Promise<Hit> {
    const now = this.now();
    const expired = now - windowMs;
    // Stale rows would be restarted by the upsert anyway; deleting them keeps the table small. Only
    // rows older than the longest window any limit uses: keys with longer windows than this one's
    // share the table (a 5-minute check must not wipe a 10-minute count).
    await this.db
      .deleteFrom('rate_limits')
      .where('window_start', '<=', now - Math.max(windowMs, LONGEST_WINDOW_MS))
      .execute();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_start: now, hits: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          hits: sql<number>`case when rate_limits.window_start <= ${expired} then 1 else rate_limits.hits + 1 end`,
          window_start: sql<number>`case when rate_limits.window_start <= ${expired} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['hits', 'window_start'])
      .executeTakeFirstOrThrow();
    const ends = Number(row.window_start) + windowMs;
    return { allowed: Number(row.hits) <= max, retryAfterSeconds: Math.max(1, Math.ceil((ends - now) / 1000)) };
  }
}
