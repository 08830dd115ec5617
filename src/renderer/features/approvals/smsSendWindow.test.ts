import { describe, expect, it } from 'vitest';
import { smsSendWindow, waitText } from './smsSendWindow.js';

const MIN = 60_000;

describe('smsSendWindow', () => {
  it('allows three codes in five minutes, then says when the next may go', () => {
    const t0 = 1_000_000;
    expect(smsSendWindow([], t0)).toEqual({ left: 3, nextAt: null });
    expect(smsSendWindow([t0, t0 + MIN], t0 + MIN)).toEqual({ left: 1, nextAt: null });
    expect(smsSendWindow([t0, t0 + MIN, t0 + 2 * MIN], t0 + 2 * MIN)).toEqual({ left: 0, nextAt: t0 + 5 * MIN });
    // The oldest send leaves the window: one may go again.
    expect(smsSendWindow([t0, t0 + MIN, t0 + 2 * MIN], t0 + 5 * MIN + 1)).toEqual({ left: 1, nextAt: null });
  });

  it("a server refusal wins over the local count (another technician's codes count too)", () => {
    const now = 5_000_000;
    expect(smsSendWindow([now - MIN], now, now + 90_000)).toEqual({ left: 0, nextAt: now + 90_000 });
    expect(smsSendWindow([now - MIN], now, now - 1)).toEqual({ left: 2, nextAt: null });
  });

  it('formats the wait as m:ss', () => {
    expect(waitText(65_000, 0)).toBe('1:05');
    expect(waitText(299_001, 0)).toBe('5:00');
    expect(waitText(0, 10)).toBe('0:00');
  });
});
