import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutGranted } from '../../shared/api/credentials.js';
import type { LeaseEnded } from '../../shared/credentials/leaseTypes.js';
import { MemoryClipboard } from './clipboard.testkit.js';
import { LeaseKeeper } from './leaseKeeper.js';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const grant = (n: number, minutes = 3): CheckoutGranted => ({
  leaseId: `L${n}`,
  credentialId: `c${n}`,
  username: `svc-${n}`,
  domain: 'corp.example.com',
  secret: `Secret${n}xYz9`,
  kind: 'dynamic',
  expiresAt: new Date(T0 + minutes * 60_000).toISOString(),
});

let clipboard: MemoryClipboard;
let ended: LeaseEnded[];
let errors: string[];
let clearAfter: number;
const keeper = (withClipboard = true) =>
  new LeaseKeeper({
    clipboard: withClipboard ? clipboard : undefined,
    clearAfterSeconds: () => clearAfter,
    onEnded: (e) => ended.push(e),
    onError: (m) => errors.push(m),
  });

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  clipboard = new MemoryClipboard();
  ended = [];
  errors = [];
  clearAfter = 30;
});
afterEach(() => vi.useRealTimers());

describe('LeaseKeeper', () => {
  it('gives the renderer everything but the secret, and the secret only on request', () => {
    const k = keeper();
    const view = k.hold(grant(1));
    expect(view).toEqual({
      leaseId: 'L1',
      credentialId: 'c1',
      username: 'svc-1',
      domain: 'corp.example.com',
      kind: 'dynamic',
      expiresAt: '2026-03-01T10:03:00.000Z',
    });
    expect(JSON.stringify(view)).not.toContain('Secret1');
    expect(JSON.stringify(k.list())).not.toContain('Secret1');
    expect(k.secret('L1')).toBe('Secret1xYz9');
  });

  it('forgets the secret when the login window ends and says so once', async () => {
    const k = keeper();
    k.hold(grant(1));
    await vi.advanceTimersByTimeAsync(179_999);
    expect(k.secret('L1')).toBe('Secret1xYz9');
    expect(ended).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ended).toEqual([{ leaseId: 'L1', credentialId: 'c1', reason: 'expired' }]);
    expect(() => k.secret('L1')).toThrow(/Check the credential out again/);
    expect(k.list()).toEqual([]);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(ended).toHaveLength(1);
  });

  it('clears the clipboard after the setting’s seconds only if it still holds the password', async () => {
    const k = keeper();
    k.hold(grant(1, 10));
    clearAfter = 12;
    expect(await k.copy('L1')).toEqual({ via: 'main', clearAfterSeconds: 12 });
    expect(clipboard.text).toBe('Secret1xYz9');
    await vi.advanceTimersByTimeAsync(11_999);
    expect(clipboard.text).toBe('Secret1xYz9');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');

    await k.copy('L1');
    clipboard.text = 'something the technician copied since';
    await vi.advanceTimersByTimeAsync(12_000);
    expect(clipboard.text).toBe('something the technician copied since');
    expect(clipboard.clears).toBe(1);
  });

  it('clears the clipboard when the lease ends, unless something else was copied since', async () => {
    const k = keeper();
    k.hold(grant(1));
    k.hold(grant(2));
    await k.copy('L1');
    await k.end('L1', 'checked_in');
    expect(clipboard.text).toBe('');
    await k.copy('L2');
    clipboard.text = 'notes';
    await k.end('L2', 'checked_in');
    expect(clipboard.text).toBe('notes');
  });

  it.each(['signed_out', 'wiped', 'locked', 'quit'] as const)(
    'wipes every lease and the clipboard on %s',
    async (reason) => {
      const k = keeper();
      k.hold(grant(1));
      k.hold(grant(2));
      await k.copy('L2');
      await k.wipeAll(reason);
      expect(k.list()).toEqual([]);
      expect(clipboard.text).toBe('');
      expect(ended.map((e) => `${e.leaseId}:${e.reason}`).sort()).toEqual([`L1:${reason}`, `L2:${reason}`]);
      expect(() => k.secret('L1')).toThrow();
      // the timers are gone too: nothing fires later
      await vi.advanceTimersByTimeAsync(600_000);
      expect(ended).toHaveLength(2);
    },
  );

  it('without an OS clipboard (web bridge) hands the password to the renderer to copy itself', async () => {
    const k = keeper(false);
    k.hold(grant(1));
    expect(await k.copy('L1')).toEqual({ via: 'renderer', secret: 'Secret1xYz9', clearAfterSeconds: 30 });
    expect(clipboard.writes).toBe(0);
  });

  it('many concurrent copies leave one password on the clipboard and one clear, which empties it', async () => {
    const k = keeper();
    for (let i = 0; i < 50; i++) k.hold(grant(i));
    await Promise.all(Array.from({ length: 50 }, (_, i) => k.copy(`L${i}`)));
    expect(clipboard.writes).toBe(50);
    expect(clipboard.text).toBe('Secret49xYz9'); // calls run one at a time, in order
    expect(vi.getTimerCount()).toBe(50 + 1); // 50 lease windows + 1 clipboard clear
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('');
    expect(clipboard.clears).toBe(1);
  });

  it('refuses a lease whose window is already over, even before its timer ran', () => {
    const k = keeper();
    k.hold({ ...grant(1), expiresAt: new Date(T0 - 1000).toISOString() });
    expect(() => k.secret('L1')).toThrow(expect.objectContaining({ code: 'lease_ended', field: 'leaseId' }));
  });

  it('reports a failing clipboard without the secret and keeps working', async () => {
    const k = keeper();
    k.hold(grant(1));
    await k.copy('L1');
    clipboard.readText = () => Promise.reject(new Error('clipboard busy'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(errors).toEqual(['clipboard: a copied password may still be on the clipboard']);
    clipboard.readText = async () => clipboard.text;
    await k.copy('L1');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.text).toBe('');
  });
});
