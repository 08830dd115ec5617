/**
 * Sign-in lockout (table `login_failures`): consecutive failures per key — `addr:<ip>` and
 * `account:<email>` — survive restarts because they live in the database, not in memory. A
 * success clears both keys. While a key is locked, sign-in is refused before the password is checked.
 */
import type { Kysely } from 'kysely';
import { lockKey } from '../db/dialect.js';
import type { Database } from '../db/schema.js';

export interface ThrottlePolicy {
  /** Failures in a row from one address before it is locked out. */
  perAddress: number;
  /** Failures in a row against one account (from any address) before it is locked out. */
  perAccount: number;
  lockMs: number;
  /** A failure older than this no longer counts towards a lock. */
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  perAddress: 10,
  perAccount: 25,
  lockMs: 15 * 60_000,
  windowMs: 60 * 60_000,
};

export interface ThrottleKeys {
  address: string;
  account: string;
}

export class LoginThrottle {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE,
  ) {}

  /** Seconds until sign-in is allowed again, or 0 when not locked. */
  async retryAfterSeconds(keys: ThrottleKeys): Promise<number> {
    const rows = await this.db
      .selectFrom('login_failures')
      .select('locked_until')
      .where('key', 'in', this.keyList(keys))
      .execute();
    const until = Math.max(0, ...rows.map((r) => r.locked_until ?? 0));
    const ms = until - this.now();
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      for (const [key, limit] of [
        [`addr:${keys.address}`, this.policy.perAddress],
        [`account:${keys.account}`, this.policy.perAccount],
      ] as const) {
        await lockKey(trx, `login_failures:${key}`); // two processes counting one key: no lost failure
        const row = await trx.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
        const stale =
          !row ||
          now - row.last_failure_at > this.policy.windowMs ||
          (row.locked_until !== null && row.locked_until <= now);
        const failures = stale ? 1 : row.failures + 1;
        const locked_until = failures >= limit ? now + this.policy.lockMs : null;
        if (row)
          await trx
            .updateTable('login_failures')
            .set({ failures, last_failure_at: now, locked_until })
            .where('key', '=', key)
            .execute();
        else
          await trx
            .insertInto('login_failures')
            .values({ key, failures, last_failure_at: now, locked_until })
            .execute();
      }
    });
  }

  async reset(keys: ThrottleKeys): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', 'in', this.keyList(keys)).execute();
  }

  private keyList(keys: ThrottleKeys): string[] {
    return [`addr:${keys.address}`, `account:${keys.account}`];
  }
}
