import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './apiClient.js';
import { ConfSettingsStore } from './confSettingsStore.js';
import { MemorySettingsStore, readSettings } from './settingsStore.js';

describe('settings loaded from disk', () => {
  it('drops a stored plain-http server URL to a remote host, keeps the other settings, and says why', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = readSettings({ theme: 'dark', locale: 'fr', serverUrl: 'http://callsign.example.com' });
    expect(s).toEqual({ theme: 'dark', locale: 'fr', clipboardClearSeconds: 30 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/serverUrl.*https:\/\//));
    warn.mockRestore();
  });

  it('a hand-edited settings.json with a bad server URL does not stop start-up', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = mkdtempSync(join(tmpdir(), 'callsign-settings-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'light', serverUrl: 'file:///etc/passwd' }));
    const store = new ConfSettingsStore(dir);
    expect(store.get()).toEqual({ theme: 'light', locale: 'en-US', clipboardClearSeconds: 30 });
    expect(store.set({ locale: 'de' })).toEqual({ theme: 'light', locale: 'de', clipboardClearSeconds: 30 });
    warn.mockRestore();
  });

  it('remembers language, theme, idle sign-out and desk country across a restart (a new store on the same folder)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'callsign-settings-'));
    new ConfSettingsStore(dir).set({ locale: 'de', theme: 'dark', idleSignOutMinutes: 5, deskCountry: 'GB' });
    expect(new ConfSettingsStore(dir).get()).toMatchObject({
      locale: 'de',
      theme: 'dark',
      idleSignOutMinutes: 5,
      deskCountry: 'GB',
    });
  });

  it('falls back, field by field, for a language Callsign does not ship and an idle time over 15 minutes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const s = readSettings({ theme: 'dark', locale: 'xx-YY', idleSignOutMinutes: 60, deskCountry: 'gb' });
    // The desk country is kept (normalised to upper case); only the bad fields fall back.
    expect(s).toEqual({ theme: 'dark', locale: 'en-US', clipboardClearSeconds: 30, deskCountry: 'GB' });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/idleSignOutMinutes/));
    warn.mockRestore();
  });

  it('keeps the desk country as an upper-case ISO code, null for automatic, and drops an unknown one', () => {
    const store = new MemorySettingsStore();
    expect(store.get().deskCountry).toBeUndefined();
    expect(store.set({ deskCountry: 'gb' }).deskCountry).toBe('GB');
    expect(store.set({ deskCountry: null }).deskCountry).toBeNull();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readSettings({ theme: 'dark', deskCountry: 'Narnia' })).toEqual({
      theme: 'dark',
      locale: 'en-US',
      clipboardClearSeconds: 30,
    });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/deskCountry.*two-letter ISO country code/));
    warn.mockRestore();
  });

  it('keeps a valid https or loopback URL', () => {
    expect(new MemorySettingsStore({ serverUrl: 'https://callsign.example.com' }).get().serverUrl).toBe(
      'https://callsign.example.com',
    );
    expect(readSettings({ serverUrl: 'http://127.0.0.1:4317' }).serverUrl).toBe('http://127.0.0.1:4317');
  });
});

describe('ApiClient refuses a server address that fails the check, whatever its source', () => {
  it('never sends a request to an http:// address that is not this computer', async () => {
    const fetchImpl = vi.fn();
    const api = new ApiClient(() => 'http://10.1.2.3:4317', fetchImpl as unknown as typeof fetch);
    await expect(
      api.request('/v1/auth/login', { method: 'POST', body: { email: 'a', password: 'b' } }),
    ).rejects.toMatchObject({ code: 'bad_request', field: 'serverUrl', message: expect.stringMatching(/https:\/\//) });
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});

describe('settings.set patches', () => {
  it('changing the theme keeps the language and clipboard time (no defaults re-applied by the patch schema)', async () => {
    const { requestSchemas } = await import('../../shared/ipc/contract.js');
    const store = new MemorySettingsStore({ locale: 'de', clipboardClearSeconds: 90 });
    expect(requestSchemas['settings.set'].parse({ theme: 'dark' })).toEqual({ theme: 'dark' });
    expect(store.set(requestSchemas['settings.set'].parse({ theme: 'dark' }))).toMatchObject({
      theme: 'dark',
      locale: 'de',
      clipboardClearSeconds: 90,
    });
  });
});
