/**
 * Settings on disk for plain Node (web bridge, CLI) via `conf`: `<dataDir>/settings.json`.
 * Holds only theme, locale and server URL — never a token or password.
 */
import Conf from 'conf';
import { readSettings, type SettingsStore } from './settingsStore.js';
import type { Settings } from '../../shared/ipc/contract.js';

export class ConfSettingsStore implements SettingsStore {
  private readonly conf: Conf<Record<string, unknown>>;
  constructor(dataDir: string) {
    this.conf = new Conf({ cwd: dataDir, configName: 'settings', projectName: 'callsign' });
  }
  get(): Settings {
    return readSettings(this.conf.store);
  }
  set(patch: Partial<Settings>): Settings {
    const next = readSettings({ ...this.get(), ...patch });
    this.conf.store = next;
    return next;
  }
}
