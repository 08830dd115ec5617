import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../shared/ipc/contract.js';
import { formFromSettings, validateSettingsForm, type SettingsForm } from './settingsForm.js';

const form = (over: Partial<SettingsForm> = {}): SettingsForm => ({
  ...formFromSettings({ theme: 'system', locale: 'en-US', clipboardClearSeconds: 30 }, 'https://callsign.example.com'),
  ...over,
});

describe('the Settings form', () => {
  it('starts from the saved settings, with the session server and 15 idle minutes when none is saved', () => {
    expect(form()).toEqual({
      serverUrl: 'https://callsign.example.com',
      deskCountry: null,
      locale: 'en-US',
      theme: 'system',
      clipboardClearSeconds: '30',
      idleSignOutMinutes: '15',
    });
  });

  it('turns valid input into a patch that main accepts', () => {
    const r = validateSettingsForm(
      form({
        serverUrl: ' http://127.0.0.1:4317 ',
        deskCountry: 'DE',
        locale: 'de',
        theme: 'dark',
        idleSignOutMinutes: '5',
      }),
    );
    expect(r).toEqual({
      ok: true,
      patch: {
        serverUrl: 'http://127.0.0.1:4317',
        deskCountry: 'DE',
        locale: 'de',
        theme: 'dark',
        clipboardClearSeconds: 30,
        idleSignOutMinutes: 5,
      },
    });
    expect(r.ok && requestSchemas['settings.set'].safeParse(r.patch).success).toBe(true);
  });

  it.each([
    ['', 'settings.serverUrl.error.required'],
    ['callsign.example.com', 'settings.serverUrl.error.invalid'],
    ['ftp://callsign.example.com', 'settings.serverUrl.error.scheme'],
    ['https://me:pw@callsign.example.com', 'settings.serverUrl.error.credentials'],
    ['http://callsign.example.com', 'settings.serverUrl.error.insecure'],
  ])('refuses the server address %j, naming the rule', (serverUrl, key) => {
    expect(validateSettingsForm(form({ serverUrl }))).toEqual({ ok: false, problems: { serverUrl: { key } } });
  });

  it.each(['0', '16', '2.5', 'ten', ''])('refuses an idle sign-out of %j minutes (1–15 whole minutes)', (idle) => {
    const r = validateSettingsForm(form({ idleSignOutMinutes: idle }));
    expect(r).toEqual({
      ok: false,
      problems: { idleSignOutMinutes: { key: 'settings.idle.error', values: { min: 1, max: 15 } } },
    });
  });

  it.each(['9', '301', '-5'])('refuses a clipboard clear time of %j seconds (10–300)', (s) => {
    const r = validateSettingsForm(form({ clipboardClearSeconds: s }));
    expect(r.ok ? undefined : r.problems.clipboardClearSeconds?.key).toBe('settings.clipboard.error');
  });

  it('reports every bad field at once', () => {
    const r = validateSettingsForm(form({ serverUrl: 'x', clipboardClearSeconds: '1', idleSignOutMinutes: '99' }));
    expect(r.ok ? [] : Object.keys(r.problems).sort()).toEqual([
      'clipboardClearSeconds',
      'idleSignOutMinutes',
      'serverUrl',
    ]);
  });
});
