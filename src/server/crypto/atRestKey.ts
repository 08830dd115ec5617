/**
 * The key that protects data at rest outside the vault — TOTP secrets (sub-key `totp`) and the
 * SMS-code HMAC (sub-key `sms-hmac`) — chosen once at start-up:
 *  - the configured server key (CALLSIGN_VAULT_KEY_FILE / CALLSIGN_VAULT_KEY), when there is one;
 *  - PostgreSQL without one: refuse to start. Several processes share the database, so they must
 *    share the key too (a per-process key would make one process's TOTP secrets and SMS codes
 *    unreadable to the others), and a key file beside one process would not reach the others;
 *  - SQLite without one: `<dataDir>/server.key`, created 0600 on first start, with a notice. That
 *    still keeps secrets out of the database file and its backups, but a key beside the database
 *    protects less than one kept elsewhere.
 * This never enables the vault: the vault reads only an explicitly configured key (ServiceOptions
 * `serverKey`) and answers 503 without one. Changing the key later makes sealed TOTP secrets
 * unreadable (their users then need a TOTP reset); keep the same key, or configure this one.
 */
import { ensureKeyFile, loadServerKey, ServerKeyError, type ServerKey } from './serverKey.js';

export const AT_REST_KEY_FILE_NAME = 'server.key';

export const NO_SHARED_KEY_MESSAGE =
  'DATABASE_URL is PostgreSQL, so every server process needs the same key for TOTP secrets and SMS codes. ' +
  'Set CALLSIGN_VAULT_KEY_FILE to a file holding 32 random bytes in base64 ' +
  '(e.g. `openssl rand -base64 32 > server.key && chmod 600 server.key`), or CALLSIGN_VAULT_KEY to such a value, ' +
  'on every server process, then start again.';

export function resolveAtRestKey(options: {
  env: Record<string, string | undefined>;
  dataDir: string;
  postgres: boolean;
  /** Told once when the key file beside the database is used (never the key). */
  notice: (message: string) => void;
}): { key: ServerKey; source: 'configured' | 'data-dir' } {
  const configured = loadServerKey(options.env);
  if (configured) return { key: configured, source: 'configured' };
  if (options.postgres) throw new ServerKeyError(NO_SHARED_KEY_MESSAGE);
  const { key, path, created } = ensureKeyFile(options.dataDir, AT_REST_KEY_FILE_NAME);
  options.notice(
    `${created ? 'Created' : 'Using'} ${path} (0600) to encrypt TOTP secrets and SMS codes. A key file beside the database ` +
      'protects less than one kept elsewhere: set CALLSIGN_VAULT_KEY_FILE to a key file on another volume (or CALLSIGN_VAULT_KEY) ' +
      `holding the same key to keep existing TOTP set-ups working.`,
  );
  return { key, source: 'data-dir' };
}
