import { describe, expect, it } from 'vitest';
import { clockTime, describeSyncStatus, relativeTime } from './describeSyncStatus.js';

const now = Date.UTC(2025, 2, 3, 12, 0, 0);
const base = { syncing: false, errorCode: undefined, lastSyncAt: now - 180_000, maxAgeSeconds: 3600, now };

describe('describeSyncStatus', () => {
  it('prefers syncing, then offline, then failed', () => {
    expect(describeSyncStatus({ ...base, syncing: true }).kind).toBe('syncing');
    expect(describeSyncStatus({ ...base, errorCode: 'server_unreachable' }).kind).toBe('offline');
    expect(describeSyncStatus({ ...base, errorCode: 'forbidden' }).kind).toBe('failed');
    expect(describeSyncStatus(base)).toEqual({ kind: 'synced', stale: false, lastSyncAt: base.lastSyncAt });
    expect(describeSyncStatus({ ...base, lastSyncAt: undefined }).kind).toBe('never');
  });
  it('says offline as soon as the heartbeat misses, even right after a good sync or during one', () => {
    expect(describeSyncStatus({ ...base, lastSyncAt: now - 1000, serverUnreachable: true }).kind).toBe('offline');
    expect(describeSyncStatus({ ...base, syncing: true, serverUnreachable: true }).kind).toBe('offline');
    expect(describeSyncStatus({ ...base, serverUnreachable: false }).kind).toBe('synced');
  });
  it('marks data older than maxAgeSeconds as stale', () => {
    expect(describeSyncStatus({ ...base, lastSyncAt: now - 3_601_000 }).stale).toBe(true);
  });
});

describe('time formatting', () => {
  it('says minutes ago', () => {
    expect(relativeTime('en-US', now - 180_000, now)).toBe('3 minutes ago');
    expect(relativeTime('en-US', now - 10_000, now)).toBeUndefined();
  });
  it('adds the date when not today', () => {
    expect(clockTime('en-US', now - 3 * 86_400_000, now)).toMatch(/Feb/);
  });
});
