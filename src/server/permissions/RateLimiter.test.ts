import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyServerDatabase } from '../db/openServerDatabase.js';
import { openTestDatabase } from '../testing/testDatabase.js';
import { RateLimiter } from './RateLimiter.js';

let database: AnyServerDatabase;
let now = 1_700_000_000_000;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(() => database.close());

describe('RateLimiter (fixed windows in the database)', () => {
  it('allows max hits per window, says when the window ends, and starts a new window after it', async () => {
    const limiter = new RateLimiter(database.db, () => now);
    for (let i = 0; i < 3; i++) expect((await limiter.hit('k', 3, 60_000)).allowed).toBe(true);
    now += 15_000;
    expect(await limiter.hit('k', 3, 60_000)).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await limiter.hit('other', 3, 60_000)).allowed).toBe(true);
    now += 45_000;
    expect((await limiter.hit('k', 3, 60_000)).allowed).toBe(true);
  });

  it('counts hits from every limiter on the same database (another process)', async () => {
    const one = new RateLimiter(database.db, () => now);
    const two = new RateLimiter(database.db, () => now);
    await one.hit('shared', 2, 60_000);
    await two.hit('shared', 2, 60_000);
    expect((await one.hit('shared', 2, 60_000)).allowed).toBe(false);
  });

  it('keeps a long window counting while shorter windows come and go on other keys', async () => {
    const limiter = new RateLimiter(database.db, () => now);
    await limiter.hit('long', 2, 10 * 60_000);
    await limiter.hit('long', 2, 10 * 60_000);
    now += 6 * 60_000;
    expect((await limiter.hit('short', 5, 60_000)).allowed).toBe(true); // its housekeeping must spare 'long'
    expect((await limiter.hit('long', 2, 10 * 60_000)).allowed).toBe(false);
    now += 4 * 60_000;
    expect((await limiter.hit('long', 2, 10 * 60_000)).allowed).toBe(true);
  });
});
