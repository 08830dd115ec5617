/**
 * Non-secret settings (theme, locale, server URL). Implemented with `conf` in plain Node
 * (`confSettingsStore.ts`) and `electron-store` in the Electron layer; both validate with the
 * contract's Settings schema so a hand-edited file with bad values falls back to defaults.
 */
import { Settings } from '../../shared/ipc/contract.js';

export interface SettingsStore {
  get(): Settings;
  set(patch: Partial<Settings>): Settings;
}

/** Stored values already reported, so a bad value read on every `get()` is logged once. */
const reported = new Set<string>();

/**
 * Parses stored settings field by field: a corrupt, outdated or refused value (a server URL that is
 * not https or loopback — see shared/api/serverUrl.ts) falls back to its default, is logged once,
 * and never blocks start-up or takes the other settings with it.
 */
export function readSettings(raw: unknown): Settings {
  const whole = Settings.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(Settings.shape)) {
    if (stored[key] === undefined) continue;
    const r = field.safeParse(stored[key]);
    if (r.success) kept[key] = stored[key];
    else {
      const note = `Callsign settings: the stored ${key} was ignored and its default used — ${r.error.issues[0]?.message ?? 'invalid value'} Set it again in the app.`;
      if (!reported.has(note)) console.warn(note);
      reported.add(note);
    }
  }
  return Settings.parse(kept);
}

export class MemorySettingsStore implements SettingsStore {
  private value: Settings;
  constructor(initial: Partial<Settings> = {}) {
    this.value = readSettings(initial);
  }
  get() {
    return this.value;
  }
  set(patch: Partial<Settings>) {
    this.value = readSettings({ ...this.value, ...patch });
    return this.value;
  }
}
