/** Settings through electron-store (the Electron layer's implementation of SettingsStore). */
import Store from 'electron-store';
import { readSettings, type SettingsStore } from '../services/settingsStore.js';
import type { Settings } from '../../shared/ipc/contract.js';

export class ElectronStoreSettings implements SettingsStore {
  private readonly store = new Store<Record<string, unknown>>({ name: 'settings' });
  get(): Settings {
    return readSettings(this.store.store);
  }
  set(patch: Partial<Settings>): Settings {
    const next = readSettings({ ...this.get(), ...patch });
    this.store.store = next;
    return next;
  }
}
