/** Test support: a process-memory clipboard that counts writes. */
import type { Clipboard } from './clipboard.js';

export class MemoryClipboard implements Clipboard {
  text = '';
  writes = 0;
  clears = 0;
  async writeSecret(secret: string) {
    this.text = secret;
    this.writes++;
  }
  async readText() {
    return this.text;
  }
  async clear() {
    this.text = '';
    this.clears++;
  }
}
