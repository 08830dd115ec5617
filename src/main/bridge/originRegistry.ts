/**
 * The browser origins (`http://127.0.0.1:<port>`) the web bridge has served, kept in
 * `<data dir>/bridge-origins.json` (0600; origins and wipe flags only, nothing secret) so a remote
 * wipe can reach the IndexedDB of every one of them.
 *
 * What a wipe can and cannot do: a page can delete only its own origin's storage, and the browser
 * profile is not the bridge's to touch. So the renderer deletes the current origin's database
 * itself, and every known origin is marked: the next page the bridge serves on that origin carries
 * `Clear-Site-Data: "cache", "storage"`, which makes the browser drop that origin's IndexedDB,
 * caches and storage. An origin whose port is never served again (random ports of earlier
 * versions) stays marked here, but cannot be cleared from the bridge — clear the browser's site
 * data for 127.0.0.1 by hand, or delete the browser profile.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const FileShape = z.object({
  origins: z.array(z.string().max(64)).max(1000),
  pendingWipe: z.array(z.string()).default([]),
});

export class OriginRegistry {
  private readonly file: string;
  private state: z.infer<typeof FileShape>;

  constructor(dataDir: string, warn: (message: string) => void = () => {}) {
    this.file = join(dataDir, 'bridge-origins.json');
    this.state = { origins: [], pendingWipe: [] };
    let text: string | undefined;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return; // first launch
    }
    try {
      this.state = FileShape.parse(JSON.parse(text));
    } catch {
      warn(`${this.file} is not readable; starting a new list of origins (older origins will not be wiped).`);
    }
  }

  list(): string[] {
    return [...this.state.origins];
  }

  pendingWipes(): string[] {
    return [...this.state.pendingWipe];
  }

  record(origin: string) {
    if (this.state.origins.includes(origin)) return;
    this.state.origins.push(origin);
    this.save();
  }

  /** A remote wipe happened: every known origin must be cleared when next served. */
  wiped() {
    this.state.pendingWipe = [...this.state.origins];
    this.save();
  }

  /** True once per origin after a wipe: this response must carry Clear-Site-Data. */
  takePendingWipe(origin: string): boolean {
    if (!this.state.pendingWipe.includes(origin)) return false;
    this.state.pendingWipe = this.state.pendingWipe.filter((o) => o !== origin);
    this.save();
    return true;
  }

  private save() {
    writeFileSync(this.file, JSON.stringify(this.state), { mode: 0o600 });
  }
}
