/**
 * `callsign-server audit verify [--data-dir DIR]`: re-hashes the whole audit chain and names the
 * first broken entry (edited, removed or out of order). Exit 0 when intact, 1 when broken.
 */
import { AuditLog } from '../audit/AuditLog.js';
import { UsageError, type CliIo } from './io.js';
import { openDataDirDatabase } from './openDataDirDatabase.js';
import { parseFlags } from './options.js';

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify')
    throw new UsageError(
      sub ? `audit: unknown subcommand "${sub}"; use "audit verify".` : 'audit: give a subcommand: "audit verify".',
    );
  const { values } = parseFlags('audit verify', rest, { 'data-dir': { type: 'string' } });
  const { database, where } = await openDataDirDatabase(values['data-dir'], io);
  try {
    const log = new AuditLog(database.db, Date.now);
    const broken = await log.verify();
    const head = await log.head();
    if (broken === null) {
      io.stdout.write(
        head
          ? `Audit chain intact: ${head.seq} ${head.seq === 1 ? 'entry' : 'entries'} in ${where}, head ${head.hash}.\n`
          : `Audit chain intact: no entries yet in ${where}.\n`,
      );
      return 0;
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
