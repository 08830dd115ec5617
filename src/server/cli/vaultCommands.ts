/**
 * `callsign-server vault rotate-key --new-key-file FILE` — re-encrypts every vault secret under the
 * key in FILE (32 random bytes, base64), reading the current key from CALLSIGN_VAULT_KEY_FILE or
 * CALLSIGN_VAULT_KEY; one transaction, all or nothing. Prints counts, never a secret.
 * `callsign-server vault status` — accounts by rotation state, leases open, failed rotations' reasons.
 */
import { readFileSync } from 'node:fs';
import { AuditLog } from '../audit/AuditLog.js';
import { loadServerKey, NO_KEY_MESSAGE, ServerKey, ServerKeyError } from '../crypto/serverKey.js';
import { KeyRotationError, rotateVaultKey } from '../vault/rotateVaultKey.js';
import { UsageError, type CliIo } from './io.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';

export async function vaultCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'rotate-key') return rotateKey(rest, io);
  if (sub === 'status') return status(rest, io);
  throw new UsageError(
    sub
      ? `vault: unknown subcommand "${sub}"; use "vault rotate-key" or "vault status".`
      : 'vault: give a subcommand: "rotate-key" or "status".',
  );
}

async function rotateKey(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('vault rotate-key', args, {
    'data-dir': { type: 'string' },
    'new-key-file': { type: 'string' },
  });
  const file = values['new-key-file'];
  if (!file)
    throw new UsageError('vault rotate-key: give --new-key-file FILE (create it with `openssl rand -base64 32`).');
  let oldKey: ServerKey | null;
  let newKey: ServerKey;
  try {
    oldKey = loadServerKey(io.env);
    newKey = ServerKey.fromBase64(readFileSync(file, 'utf8'), `--new-key-file (${file})`);
  } catch (e) {
    io.stderr.write(`${e instanceof ServerKeyError ? e.message : `Cannot read ${file}: ${(e as Error).message}`}\n`);
    return 1;
  }
  if (!oldKey) {
    io.stderr.write(`The current key is needed to open what is stored. ${NO_KEY_MESSAGE}\n`);
    return 1;
  }
  if (oldKey.toBase64() === newKey.toBase64()) {
    io.stderr.write(
      'The new key is the current key; nothing to do. Create a new one with `openssl rand -base64 32`.\n',
    );
    return 1;
  }
  const { database, where } = await openDataDirDatabase(values['data-dir'], io);
  try {
    const counts = await rotateVaultKey(database.db, new AuditLog(database.db, Date.now), oldKey, newKey);
    io.stdout.write(
      `Re-encrypted under the new key in ${where}: ${counts.secrets} account secrets, ${counts.pending} pending secrets, ${counts.directories} directory bind passwords.\n` +
        `Now point CALLSIGN_VAULT_KEY_FILE at ${file} and restart every server; keep the old key until you have.\n`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof KeyRotationError)) throw e;
    io.stderr.write(`${e.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}

async function status(args: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('vault status', args, { 'data-dir': { type: 'string' } });
  const { database, where } = await openDataDirDatabase(values['data-dir'], io);
  try {
    const db = database.db;
    const byState = await db
      .selectFrom('vault_credentials')
      .select(['kind', 'rotation_state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['kind', 'rotation_state'])
      .execute();
    const leases = await db
      .selectFrom('vault_leases')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('ended_at', 'is', null)
      .groupBy('kind')
      .execute();
    const failed = await db
      .selectFrom('vault_credentials')
      .select(['id', 'rotation_reason', 'rotation_attempts'])
      .where('rotation_state', '=', 'failed')
      .orderBy('id')
      .execute();
    const count = (kind: string, state?: string) =>
      byState
        .filter((r) => r.kind === kind && (state === undefined || r.rotation_state === state))
        .reduce((s, r) => s + Number(r.n), 0);
    const open = (kind: string) => Number(leases.find((l) => l.kind === kind)?.n ?? 0);
    const lines = [
      `Vault in ${where}: ${count('dynamic') + count('static')} accounts (${count('dynamic')} dynamic, ${count('static')} static).`,
      `Dynamic by rotation state: ok ${count('dynamic', 'ok')}, due ${count('dynamic', 'due')}, pending ${count('dynamic', 'pending')}, failed ${count('dynamic', 'failed')}.`,
      `Leases open: ${open('dynamic')} dynamic, ${open('static')} static.`,
      ...failed.map(
        (f) =>
          `  failed: ${f.id} (${Number(f.rotation_attempts)} attempts): ${f.rotation_reason ?? 'no reason recorded'}`,
      ),
    ];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
