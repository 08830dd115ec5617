import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeyFileSecretStore } from './keyFileSecretStore.js';
import { OFFLINE_KEY, OFFLINE_THROTTLE_KEY, OfflineUnlock, STRONG_SCRYPT } from './offlineUnlock.js';
import { MemorySecretStore } from './secretStore.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor Tech', role: 'technician' as const };
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'Correct-Horse-Battery-9';
let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('OfflineUnlock', () => {
  it('keeps a salted scrypt verifier with strong default parameters, never the password', async () => {
    expect(STRONG_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(STRONG_SCRYPT.r).toBeGreaterThanOrEqual(8);
    const store = new MemorySecretStore();
    const offline = new OfflineUnlock(store); // the real cost, once
    await offline.remember('Tech@Callsign.demo', PASSWORD, user);
    const raw = (await store.get(OFFLINE_KEY))!;
    expect(raw).not.toContain(PASSWORD);
    expect(JSON.parse(raw)).toMatchObject({ email: 'tech@callsign.demo', params: STRONG_SCRYPT });
    expect(await offline.unlock('tech@callsign.demo', PASSWORD)).toEqual(user);
    // Same password, new salt: another hash.
    await offline.remember('tech@callsign.demo', PASSWORD, user);
    expect(JSON.parse((await store.get(OFFLINE_KEY))!).hash).not.toBe(JSON.parse(raw).hash);
  });

  it('unlocks only the last user, and throttles wrong passwords with a clear message', async () => {
    let now = 1_000_000;
    const offline = new OfflineUnlock(new MemorySecretStore(), CHEAP, () => now);
    expect(await offline.unlock('tech@callsign.demo', PASSWORD)).toBeUndefined(); // nobody yet
    await offline.remember('tech@callsign.demo', PASSWORD, user);
    expect(await offline.unlock('someone@else.demo', PASSWORD)).toBeUndefined();
    for (let i = 0; i < 3; i++)
      await expect(offline.unlock('tech@callsign.demo', 'wrong')).rejects.toMatchObject({
        code: 'invalid_credentials',
        message: expect.stringContaining('not the password last used to sign in on this computer'),
      });
    // Throttled now, even for the right password, until the wait is over.
    await expect(offline.unlock('tech@callsign.demo', PASSWORD)).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Wait 30 seconds/),
    });
    now += 30_001;
    await expect(offline.unlock('tech@callsign.demo', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(offline.unlock('tech@callsign.demo', PASSWORD)).rejects.toMatchObject({
      message: expect.stringMatching(/Wait 60 seconds/),
    });
    now += 60_001;
    expect(await offline.unlock('tech@callsign.demo', PASSWORD)).toEqual(user);
    await offline.forget();
    expect(await offline.unlock('tech@callsign.demo', PASSWORD)).toBeUndefined();
  });
});

describe('OfflineUnlock throttle', () => {
  it('survives a restart: a new instance on the same store keeps the wait', async () => {
    let now = 1_000_000;
    const store = new MemorySecretStore();
    const first = new OfflineUnlock(store, CHEAP, () => now);
    await first.remember('tech@callsign.demo', PASSWORD, user);
    for (let i = 0; i < 3; i++)
      await expect(first.unlock('tech@callsign.demo', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    const restarted = new OfflineUnlock(store, CHEAP, () => now); // the app quit and started again
    await expect(restarted.unlock('tech@callsign.demo', PASSWORD)).rejects.toMatchObject({ code: 'rate_limited' });
    now += 30_001;
    expect(await restarted.unlock('tech@callsign.demo', PASSWORD)).toEqual(user);
    // The right password clears the count: three more free tries.
    for (let i = 0; i < 2; i++)
      await expect(restarted.unlock('tech@callsign.demo', 'wrong')).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    expect(await restarted.unlock('tech@callsign.demo', PASSWORD)).toEqual(user);
  });

  it('counts concurrent guesses one by one: 10 at once get 3 tries and 7 waits', async () => {
    const offline = new OfflineUnlock(new MemorySecretStore(), CHEAP, () => 1_000_000);
    await offline.remember('tech@callsign.demo', PASSWORD, user);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => offline.unlock('tech@callsign.demo', 'wrong')),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'unlocked'));
    expect(codes.filter((c) => c === 'invalid_credentials')).toHaveLength(3);
    expect(codes.filter((c) => c === 'rate_limited')).toHaveLength(7);
  });

  it('an unreadable count is not a fresh start', async () => {
    const store = new MemorySecretStore();
    const offline = new OfflineUnlock(store, CHEAP, () => 1_000_000);
    await offline.remember('tech@callsign.demo', PASSWORD, user);
    await store.set(OFFLINE_THROTTLE_KEY, '{not json');
    await expect(offline.unlock('tech@callsign.demo', 'wrong')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(offline.unlock('tech@callsign.demo', PASSWORD)).rejects.toMatchObject({ code: 'rate_limited' });
  });
});

describe('KeyFileSecretStore (the web bridge)', () => {
  it('survives a restart, stores only ciphertext, and keeps every key under concurrent writes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cs-secrets-'));
    const a = new KeyFileSecretStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => a.set(`k${i}`, `value-${i}-plain`)));
    const b = new KeyFileSecretStore(dir); // a restart
    expect(await b.get('k7')).toBe('value-7-plain');
    expect(
      (await Promise.all(Array.from({ length: 20 }, (_, i) => b.get(`k${i}`)))).every(
        (v, i) => v === `value-${i}-plain`,
      ),
    ).toBe(true);
    expect(readFileSync(join(dir, 'secrets.enc'), 'utf8')).not.toContain('plain');
    await b.delete('k7');
    expect(await new KeyFileSecretStore(dir).get('k7')).toBeUndefined();
  });
});
