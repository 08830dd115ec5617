/**
 * `callsign-server audit verify [--data-dir DIR]`: re-hashes the whole audit chain, compares its head
 * with the anchor (HMAC'd with the server key when there is one: audit/auditAnchor.ts) and names the
 * first broken entry (edited, removed, out of order, or a rewritten newest entry). Prints the head
 * hash so an operator can keep it outside the database. Exit 0 when intact, 1 when broken.
 */
import { AuditLog } from '../audit/AuditLog.js';
import { cliServerKey } from './cliServerKey.js';
import { UsageError, type CliIo } from './io.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';
import { verifyExportCommand } from './verifyExportCommand.js';

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'verify-export') return verifyExportCommand(rest, io);
  if (sub !== 'verify')
    throw new UsageError(
      sub
        ? `audit: unknown subcommand "${sub}"; use "audit verify" or "audit verify-export FILE".`
        : 'audit: give a subcommand: "audit verify" or "audit verify-export FILE".',
    );
  const { values } = parseFlags('audit verify', rest, { 'data-dir': { type: 'string' } });
  const { database, where } = await openDataDirDatabase(values['data-dir'], io);
  try {
    const key = cliServerKey(values['data-dir'], io.env);
    const log = new AuditLog(database.db, Date.now, key?.subkey('audit-anchor'));
    const brokenInChain = await log.verifyChain();
    const anchor = brokenInChain === null ? await log.checkAnchor() : undefined;
    const broken = brokenInChain ?? (anchor?.state === 'mismatch' ? anchor.seq : null);
    const head = await log.head();
    if (broken === null) {
      const anchored =
        anchor?.state === 'ok'
          ? anchor.keyed
            ? 'anchored with the server key'
            : 'anchored without a key (set CALLSIGN_VAULT_KEY_FILE to detect a rewritten head)'
          : 'not anchored yet (the next entry adds the anchor)';
      io.stdout.write(
        head
          ? `Audit chain intact: ${head.seq} ${head.seq === 1 ? 'entry' : 'entries'} in ${where}, head ${head.hash}, ${anchored}.\n` +
              `Keep the head hash outside this server (a ticket, a log host): a later verify must show it or a successor.\n`
          : `Audit chain intact: no entries yet in ${where}.\n`,
      );
      return 0;
    }
    if (anchor?.state === 'mismatch') {
      io.stdout.write(
        `Audit chain BROKEN at entry #${broken}: the chain's head does not match its anchor (${anchor.reason}). ` +
          `The newest entries were rewritten or removed. Restore the database from a backup and investigate.\n`,
      );
      return 1;
    }
    const [entry] = await log.list({ after: broken - 1, limit: 1 });
    const what =
      entry && entry.seq === broken ? ` (${entry.type} by ${entry.actor} at ${new Date(entry.at).toISOString()})` : '';
    io.stdout.write(
      `Audit chain BROKEN at entry #${broken}${what}: its content or link does not match its hash, or an entry before it is missing. ` +
        `Entries #1–#${broken - 1} are intact. Restore the database from a backup and investigate.\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
