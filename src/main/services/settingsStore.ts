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

/** Parses stored settings; a corrupt or outdated value never blocks start-up. */
export function readSettings(raw: unknown): Settings {
  const r = Settings.safeParse(raw ?? {});
  return r.success ? r.data : Settings.parse({});
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
