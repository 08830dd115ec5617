import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openServerDatabase } from './openServerDatabase.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('openServerDatabase (SQLite): files at rest', () => {
  it('makes the data folder 0700 and the database files 0600 on every open, even when they already existed', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'cs-perm-'));
    dirs.push(parent);
    const dataDir = join(parent, 'data');
    const first = await openServerDatabase({ dataDir });
    await first.database.close();

    // An existing folder and file made readable to everyone (an older version, a copy, a restore).
    chmodSync(dataDir, 0o755);
    const file = join(dataDir, 'callsign.sqlite');
    chmodSync(file, 0o644);
    for (const extra of ['-wal', '-shm']) if (!existsSync(file + extra)) writeFileSync(file + extra, '');
    for (const extra of ['-wal', '-shm']) chmodSync(file + extra, 0o644);

    const again = await openServerDatabase({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect({ f, mode: mode(f) }).toEqual({ f, mode: 0o600 });
    } finally {
      await again.database.close();
    }
  });
});
