import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyWithClear, type BrowserClipboard } from './browserClipboard.js';

let text = '';
let errors: string[] = [];
const clipboard: BrowserClipboard = {
  writeText: async (t) => void (text = t),
  readText: async () => text,
};
beforeEach(() => {
  vi.useFakeTimers();
  text = '';
  errors = [];
});
afterEach(() => vi.useRealTimers());
const onError = (m: string) => void errors.push(m);

describe('copyWithClear (web bridge clipboard)', () => {
  it('clears after the set seconds only if the clipboard still holds the password', async () => {
    await copyWithClear(clipboard, 'Kq7vT2mXp9Lw', 30, onError);
    expect(text).toBe('Kq7vT2mXp9Lw');
    await vi.advanceTimersByTimeAsync(29_999);
    expect(text).toBe('Kq7vT2mXp9Lw');
    await vi.advanceTimersByTimeAsync(1);
    expect(text).toBe('');

    await copyWithClear(clipboard, 'Kq7vT2mXp9Lw', 30, onError);
    text = 'ticket notes';
    await vi.advanceTimersByTimeAsync(30_000);
    expect(text).toBe('ticket notes');
  });

  it('clears at once on request (lease over), once', async () => {
    const h = await copyWithClear(clipboard, 'Kq7vT2mXp9Lw', 30, onError);
    await h.clearNow();
    expect(text).toBe('');
    text = 'later';
    await vi.advanceTimersByTimeAsync(30_000);
    await h.clearNow();
    expect(text).toBe('later');
  });

  it('says so when the browser refuses to read the clipboard', async () => {
    const h = await copyWithClear(
      { ...clipboard, readText: () => Promise.reject(new Error('NotAllowedError')) },
      's',
      10,
      onError,
    );
    await h.clearNow();
    expect(errors).toEqual(['The browser did not let Callsign clear the clipboard; clear it yourself.']);
  });
});
