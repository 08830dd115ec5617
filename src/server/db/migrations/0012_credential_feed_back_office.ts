/**
 * The credential feed holds back-office accounts only (vault/credentialFeed.ts `inFeed`). Before,
 * every account was published, and the NOC's desktops cached accounts the NOC can neither list nor
 * check out. This replaces each such account's feed record with a tombstone, so the next sync
 * deletes it from every desktop that has it. Data only: no schema change; `down` has nothing to undo
 * (republishing those accounts is what the change is against).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

const KIND = 'credential'; // credentialFeed.ts CREDENTIAL_KIND, as it was when this ran

/** A feed record of a back-office account; an unreadable one is taken off the desktops too. */
function backOffice(data: string): boolean {
  try {
    return (JSON.parse(data) as { backOfficeAccess?: unknown }).backOfficeAccess === true;
  } catch {
    return false;
  }
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as Kysely<Database>;
  // All or nothing. PostgreSQL's migrator runs this in its transaction already; SQLite's does not
  // (Kysely: no transactional DDL there), and a stop between a record's delete and its tombstone
  // would leave that account on the desktops for good (a rerun no longer finds its record).
  if (db.isTransaction) return tombstoneOutsideFeed(db);
  await db.transaction().execute(tombstoneOutsideFeed);
}

async function tombstoneOutsideFeed(db: Kysely<Database>): Promise<void> {
  const records = await db.selectFrom('directory_records').select(['id', 'data']).where('kind', '=', KIND).execute();
  const now = Date.now();
  for (const { id, data } of records) {
    if (backOffice(data)) continue;
    await db.deleteFrom('directory_records').where('kind', '=', KIND).where('id', '=', id).execute();
    // As DirectoryStore's writeChange (written out: a migration must not change with later code): the
    // record's one change row is replaced by a tombstone with a new seq above the head.
    await db.deleteFrom('changes').where('kind', '=', KIND).where('record_id', '=', id).execute();
    await db.insertInto('changes').values({ kind: KIND, record_id: id, op: 'delete', changed_at: now }).execute();
  }
}

export async function down(): Promise<void> {}
