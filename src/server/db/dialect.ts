/** Which SQL dialect a Kysely instance speaks, for the few places that differ (migrations, locking). */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: only the executor is read
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Serialises writers of a server-wide sequence (sync `changes`, the audit chain) on PostgreSQL, for
 * the rest of the transaction: without it two concurrent transactions could commit seqs out of
 * order and a syncing client could skip one. SQLite already allows one writer at a time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: runs one raw statement
export async function lockSequence(trx: Kysely<any>, name: 'changes' | 'audit_log'): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`callsign:${name}`}))`.execute(trx);
}

/**
 * Serialises, on PostgreSQL, transactions that check-then-insert under one key (e.g. one device's
 * approval chain) across server processes, for the rest of the transaction. No-op on SQLite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: runs one raw statement
export async function lockKey(trx: Kysely<any>, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${`callsign:key:${key}`}))`.execute(trx);
}
