/**
 * The server key a CLI command uses: `CALLSIGN_VAULT_KEY_FILE` / `CALLSIGN_VAULT_KEY` (crypto/serverKey.ts),
 * else the demo's `<dataDir>/vault.key` when it exists. Undefined when there is none: the audit anchor
 * then holds the plain head only. Commands that append audit events pass it on so the anchor they
 * write verifies with the server's key.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_FILE_NAME, ServerKey, loadServerKey } from '../crypto/serverKey.js';
import { defaultDataDir } from './options.js';

export function cliServerKey(
  dataDir: string | undefined,
  env: Record<string, string | undefined>,
): ServerKey | undefined {
  const fromEnv = loadServerKey(env);
  if (fromEnv) return fromEnv;
  const file = join(dataDir ?? defaultDataDir(), KEY_FILE_NAME);
  return existsSync(file) ? ServerKey.fromBase64(readFileSync(file, 'utf8'), file) : undefined;
}
