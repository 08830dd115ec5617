import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ensureKeyFile, loadServerKey, open, seal, ServerKey, ServerKeyError } from './serverKey.js';

describe('serverKey', () => {
  const key = ServerKey.generate();

  it('seals and opens any text; each seal uses a fresh nonce', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (text, aad) => {
        const a = seal(key.subkey('vault'), text, aad);
        expect(open(key.subkey('vault'), a, aad)).toBe(text);
        expect(seal(key.subkey('vault'), text, aad)).not.toBe(a);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses another aad, another key, another purpose and altered bytes', () => {
    const sealed = seal(key.subkey('vault'), 'Secret123abc', 'credential:c1:v1');
    expect(() => open(key.subkey('vault'), sealed, 'credential:c1:v2')).toThrow(ServerKeyError);
    expect(() => open(ServerKey.generate().subkey('vault'), sealed, 'credential:c1:v1')).toThrow(ServerKeyError);
    expect(() => open(key.subkey('totp'), sealed, 'credential:c1:v1')).toThrow(ServerKeyError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64');
    body[0] = body[0]! ^ 1;
    parts[2] = body.toString('base64');
    expect(() => open(key.subkey('vault'), parts.join('.'), 'credential:c1:v1')).toThrow(ServerKeyError);
    expect(() => open(key.subkey('vault'), 'garbage', 'x')).toThrow(/v1 format/);
  });

  it('loads from CALLSIGN_VAULT_KEY_FILE before CALLSIGN_VAULT_KEY, and names what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-'));
    const file = join(dir, 'k');
    writeFileSync(file, `${key.toBase64()}\n`);
    const other = ServerKey.generate();
    const loaded = loadServerKey({ CALLSIGN_VAULT_KEY_FILE: file, CALLSIGN_VAULT_KEY: other.toBase64() })!;
    expect(loaded.toBase64()).toBe(key.toBase64());
    expect(loadServerKey({ CALLSIGN_VAULT_KEY: other.toBase64() })!.toBase64()).toBe(other.toBase64());
    expect(loadServerKey({})).toBeNull();
    expect(() => loadServerKey({ CALLSIGN_VAULT_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes.*5 bytes/);
    expect(() => loadServerKey({ CALLSIGN_VAULT_KEY_FILE: join(dir, 'missing') })).toThrow(/cannot read.*ENOENT/);
  });

  it('ensureKeyFile creates a 0600 key once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-'));
    const first = ensureKeyFile(dir);
    expect(first.created).toBe(true);
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    const second = ensureKeyFile(dir);
    expect(second.created).toBe(false);
    expect(second.key.toBase64()).toBe(first.key.toBase64());
  });
});
