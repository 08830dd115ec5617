import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCountdown, remainingMs, windowMinutes } from './countdown.js';

const parse = (text: string) => text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);

describe('countdown', () => {
  it('reads a 3-minute window as 3:00 and counts down to 0:00 only at the end', () => {
    expect(formatCountdown(180_000)).toBe('3:00');
    expect(formatCountdown(179_001)).toBe('3:00');
    expect(formatCountdown(179_000)).toBe('2:59');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
  });

  it('the shown seconds are the remaining time rounded up, and never go up as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 3600_000 }), fc.integer({ min: 0, max: 5000 }), (ms, elapsed) => {
        expect(parse(formatCountdown(ms))).toBe(Math.ceil(ms / 1000));
        expect(parse(formatCountdown(ms - elapsed))).toBeLessThanOrEqual(parse(formatCountdown(ms)));
        expect(formatCountdown(ms)).toMatch(/^(\d+:)?\d{1,2}:\d{2}$/);
      }),
    );
  });

  it('remaining time is the distance to the end, never negative, 0 for an unreadable time', () => {
    const end = Date.parse('2026-03-01T10:03:00.000Z');
    expect(remainingMs('2026-03-01T10:03:00.000Z', end - 1500)).toBe(1500);
    expect(remainingMs(end, end + 10)).toBe(0);
    expect(remainingMs('not a time', 0)).toBe(0);
    expect(windowMinutes(180_000)).toBe(3);
    expect(windowMinutes(10_000)).toBe(1);
  });
});
