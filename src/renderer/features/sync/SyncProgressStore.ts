/** Live progress of the running sync, for the progress bar and the badge (memory only). */
import type { SyncProgress } from './syncDirectory.js';

export interface SyncProgressState extends SyncProgress {
  running: boolean;
}

const idle: SyncProgressState = { running: false, firstSync: false, written: 0, total: 0 };

export class SyncProgressStore {
  private state: SyncProgressState = idle;
  private readonly listeners = new Set<() => void>();

  progress(p: SyncProgress) {
    this.set({ running: true, ...p });
  }
  finish() {
    this.set({ ...this.state, running: false });
  }

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  getSnapshot = (): SyncProgressState => this.state;

  private set(s: SyncProgressState) {
    this.state = s;
    this.listeners.forEach((l) => l());
  }
}
