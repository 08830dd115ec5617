import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AT_REST_KEY_FILE_NAME, resolveAtRestKey } from './atRestKey.js';
import { ServerKey, seal, open } from './serverKey.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'cs-key-'));
  dirs.push(d);
  return d;
};

describe('resolveAtRestKey', () => {
  it('uses the configured key (CALLSIGN_VAULT_KEY) and writes no key file', () => {
    const dataDir = tempDir();
    const configured = ServerKey.generate();
    const notices: string[] = [];
    const { key, source } = resolveAtRestKey({
      env: { CALLSIGN_VAULT_KEY: configured.toBase64() },
      dataDir,
      postgres: true,
      notice: (m) => notices.push(m),
    });
    expect(key.toBase64()).toBe(configured.toBase64());
    expect(source).toBe('configured');
    expect(existsSync(join(dataDir, AT_REST_KEY_FILE_NAME))).toBe(false);
    expect(notices).toEqual([]);
  });

  it('refuses PostgreSQL without a configured key, saying how to set one', () => {
    expect(() => resolveAtRestKey({ env: {}, dataDir: tempDir(), postgres: true, notice: () => undefined })).toThrow(
      /CALLSIGN_VAULT_KEY_FILE.*openssl rand -base64 32/s,
    );
  });

  it('SQLite without a key: creates <dataDir>/server.key (0600) once, with a notice, and reuses it', () => {
    const dataDir = tempDir();
    const notices: string[] = [];
    const first = resolveAtRestKey({ env: {}, dataDir, postgres: false, notice: (m) => notices.push(m) });
    const path = join(dataDir, AT_REST_KEY_FILE_NAME);
    expect(first.source).toBe('data-dir');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(notices.join('\n')).toMatch(/server\.key.*beside the database.*CALLSIGN_VAULT_KEY_FILE/s);
    expect(notices.join('\n')).not.toContain(readFileSync(path, 'utf8').trim());
    const second = resolveAtRestKey({ env: {}, dataDir, postgres: false, notice: () => undefined });
    const sealed = seal(first.key.subkey('totp'), 'JBSWY3DPEHPK3PXP', 'totp:u1');
    expect(open(second.key.subkey('totp'), sealed, 'totp:u1')).toBe('JBSWY3DPEHPK3PXP');
  });
});
