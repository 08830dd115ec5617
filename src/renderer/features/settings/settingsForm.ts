/**
 * The Settings page's form: what the technician typed (text, as typed) → the settings patch to save,
 * or one problem per field as a catalogue key (the page words it in the interface language). The
 * rules are the contract's (shared/ipc/contract.ts Settings, shared/api/serverUrl.ts), checked here
 * first so the message can name the field; main checks the saved patch again.
 */
import { serverUrlIssue } from '../../../shared/api/serverUrl.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import type { Settings, ThemeMode } from '../../../shared/ipc/contract.js';

export interface SettingsForm {
  serverUrl: string;
  deskCountry: string | null;
  locale: Locale;
  theme: ThemeMode;
  clipboardClearSeconds: string;
  idleSignOutMinutes: string;
}

export type SettingsField = keyof SettingsForm;
export interface FieldProblem {
  key: string;
  values?: Record<string, number>;
}

export const CLIPBOARD_SECONDS = { min: 10, max: 300 } as const;
export const IDLE_MINUTES = { min: 1, max: 15 } as const;

export function formFromSettings(s: Settings, currentServerUrl: string): SettingsForm {
  return {
    serverUrl: s.serverUrl ?? currentServerUrl,
    deskCountry: s.deskCountry ?? null,
    locale: s.locale,
    theme: s.theme,
    clipboardClearSeconds: String(s.clipboardClearSeconds),
    idleSignOutMinutes: String(s.idleSignOutMinutes ?? IDLE_MINUTES.max),
  };
}

function wholeNumberIn(text: string, range: { min: number; max: number }): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : undefined;
}

export function validateSettingsForm(
  form: SettingsForm,
): { ok: true; patch: Partial<Settings> } | { ok: false; problems: Partial<Record<SettingsField, FieldProblem>> } {
  const problems: Partial<Record<SettingsField, FieldProblem>> = {};
  const serverUrl = form.serverUrl.trim();
  const urlIssue = serverUrl === '' ? 'required' : serverUrlIssue(serverUrl);
  if (urlIssue) problems.serverUrl = { key: `settings.serverUrl.error.${urlIssue}` };
  if (form.deskCountry !== null && !/^[A-Z]{2}$/.test(form.deskCountry))
    problems.deskCountry = { key: 'settings.deskCountry.error' };
  const clipboard = wholeNumberIn(form.clipboardClearSeconds, CLIPBOARD_SECONDS);
  if (clipboard === undefined)
    problems.clipboardClearSeconds = { key: 'settings.clipboard.error', values: { ...CLIPBOARD_SECONDS } };
  const idle = wholeNumberIn(form.idleSignOutMinutes, IDLE_MINUTES);
  if (idle === undefined) problems.idleSignOutMinutes = { key: 'settings.idle.error', values: { ...IDLE_MINUTES } };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    patch: {
      serverUrl,
      ...(form.deskCountry ? { deskCountry: form.deskCountry } : {}),
      locale: form.locale,
      theme: form.theme,
      clipboardClearSeconds: clipboard!,
      idleSignOutMinutes: idle!,
    },
  };
}
