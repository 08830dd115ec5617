import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDLE_SIGN_OUT_MS, IDLE_WARNING_MS, idlePhase } from './idleTimeout.js';

describe('idlePhase (seeds: warn at 13 minutes, sign out at 15)', () => {
  it('is active before 13 minutes, warns with the time left until 15, then expires', () => {
    expect(idlePhase(0)).toEqual({ phase: 'active' });
    expect(idlePhase(IDLE_WARNING_MS - 1)).toEqual({ phase: 'active' });
    expect(idlePhase(IDLE_WARNING_MS)).toEqual({ phase: 'warning', remainingMs: 2 * 60_000 });
    expect(idlePhase(14 * 60_000 + 30_000)).toEqual({ phase: 'warning', remainingMs: 30_000 });
    expect(idlePhase(IDLE_SIGN_OUT_MS)).toEqual({ phase: 'expired' });
  });

  it('follows a shorter sign-out setting: 5 minutes warns at 3, 1 minute warns at 30 s', () => {
    expect(idlePhase(3 * 60_000 - 1, 5 * 60_000)).toEqual({ phase: 'active' });
    expect(idlePhase(3 * 60_000, 5 * 60_000)).toEqual({ phase: 'warning', remainingMs: 2 * 60_000 });
    expect(idlePhase(5 * 60_000, 5 * 60_000)).toEqual({ phase: 'expired' });
    expect(idlePhase(29_999, 60_000)).toEqual({ phase: 'active' });
    expect(idlePhase(30_000, 60_000)).toEqual({ phase: 'warning', remainingMs: 30_000 });
    expect(idlePhase(60_000, 60_000)).toEqual({ phase: 'expired' });
  });

  it('treats a clock that moved backwards (negative or NaN idle time) as activity', () => {
    expect(idlePhase(-5_000)).toEqual({ phase: 'active' });
    expect(idlePhase(Number.NaN)).toEqual({ phase: 'active' });
  });

  it('never lets the remaining time exceed 2 minutes or go negative, and is monotonic', () => {
    const rank = { active: 0, warning: 1, expired: 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: -1e7, max: 1e8, noNaN: true }),
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        (a, d) => {
          const p = idlePhase(a);
          if (p.phase === 'warning') {
            expect(p.remainingMs).toBeGreaterThan(0);
            expect(p.remainingMs).toBeLessThanOrEqual(2 * 60_000);
          }
          expect(rank[idlePhase(a + d).phase]).toBeGreaterThanOrEqual(rank[p.phase]);
        },
      ),
    );
  });
});
