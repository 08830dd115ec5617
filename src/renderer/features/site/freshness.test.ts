import { describe, expect, it } from 'vitest';
import { describeFreshness } from './freshness.js';

const now = Date.UTC(2025, 2, 3, 12, 0, 0);
const at = (secondsAgo: number) => now - secondsAgo * 1000;

describe('describeFreshness', () => {
  it('says when the cache was last synced, in words', () => {
    expect(describeFreshness({ lastSyncAt: at(180), maxAgeSeconds: 86_400, now, locale: 'en-US' })).toEqual({
      kind: 'ago',
      ago: '3 minutes ago',
      stale: false,
      maxAgeHours: 24,
    });
    expect(describeFreshness({ lastSyncAt: at(10), maxAgeSeconds: 86_400, now, locale: 'en-US' })).toMatchObject({
      kind: 'justNow',
      stale: false,
    });
    expect(describeFreshness({ lastSyncAt: undefined, maxAgeSeconds: undefined, now, locale: 'en-US' })).toEqual({
      kind: 'never',
      stale: false,
    });
  });

  it('marks data older than maxAgeSeconds as stale, and not before', () => {
    expect(describeFreshness({ lastSyncAt: at(86_400), maxAgeSeconds: 86_400, now, locale: 'en-US' }).stale).toBe(
      false,
    );
    const old = describeFreshness({ lastSyncAt: at(86_401 + 86_400), maxAgeSeconds: 86_400, now, locale: 'en-US' });
    expect(old).toMatchObject({ kind: 'ago', ago: '2 days ago', stale: true, maxAgeHours: 24 });
    expect(describeFreshness({ lastSyncAt: at(7200), maxAgeSeconds: 3600, now, locale: 'en-US' })).toMatchObject({
      ago: '2 hours ago',
      stale: true,
      maxAgeHours: 1,
    });
    expect(describeFreshness({ lastSyncAt: at(7200), maxAgeSeconds: undefined, now, locale: 'en-US' }).stale).toBe(
      false,
    );
  });
});
