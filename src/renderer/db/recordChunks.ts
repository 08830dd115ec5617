/**
 * Records cached in 64 chunks (one IndexedDB row per chunk, keyed by a hash of the record id)
 * instead of one row each: IndexedDB cost is per row, so a first sync of 10k sites and 20k
 * references writes 128 rows instead of 30k (bench/results/lookup.json). Used for sites and
 * references; a read of one record reads its chunk, a read of all reads 64 rows.
 */
import type { IndexableType, Table } from 'dexie';
import { fnv1a } from '../../shared/hash/fnv1a.js';

export const CHUNKS = 64;

export interface ChunkRow<T> {
  bucket: number;
  records: T[];
}

export type ChunkTable<T> = Table<ChunkRow<T>, number>;

/** FNV-1a over the id: stable across runs and devices. */
export function bucketOf(id: string): number {
  return (fnv1a(id) >>> 0) % CHUNKS;
}

/** `perRead`: chunks per request (see `rowsByKey`). */
export async function allRecords<T>(table: ChunkTable<T>, perRead = CHUNKS_PER_READ): Promise<T[]> {
  return (await rowsByKey(table, perRead)).flatMap((c) => c.records);
}

/**
 * Every record in one request (IndexedDB getAll), where nothing else waits for the main thread: a warm
 * start's restore. Dexie's bulkGet is one request per key, and each reply is a task of its own: 64
 * chunks of sites were ~250 ms of small tasks on the warm-start path (bench:lookup warm trace), plus
 * the round trip for their keys.
 */
export async function allRecordsAtOnce<T>(table: ChunkTable<T>): Promise<T[]> {
  return (await table.toArray()).flatMap((c) => c.records);
}

/**
 * Rows read per request batch (see `rowsByKey`): a batch arrives on the main thread as one task, so
 * it holds ~1,000 records: 100 site rows of people (~10 each at 100k), or 8 chunks of sites or
 * references (~150–300 each). 500 site rows were a 115 ms task at the end of a 100k first sync (trace).
 */
export const ROWS_PER_READ = 100;
export const CHUNKS_PER_READ = 8;

/**
 * Every row of `table`, read by key in batches rather than with one `getAll`: IndexedDB hands a
 * request's result to the page in one piece, and 10k sites or 100k profiles in one piece is a task of
 * 0.1–2 s on the renderer's main thread (typing and lookups wait). Read by key, each row arrives on its own.
 */
export async function rowsByKey<Row, Key extends IndexableType, Insert>(
  table: Table<Row, Key, Insert>,
  perRead = ROWS_PER_READ,
): Promise<Row[]> {
  const keys = await table.toCollection().primaryKeys();
  const rows: Row[] = [];
  for (let i = 0; i < keys.length; i += perRead)
    for (const row of await table.bulkGet(keys.slice(i, i + perRead))) if (row) rows.push(row);
  return rows;
}

export async function getRecord<T extends { id: string }>(table: ChunkTable<T>, id: string): Promise<T | undefined> {
  return (await table.get(bucketOf(id)))?.records.find((r) => r.id === id);
}

export async function getRecords<T extends { id: string }>(
  table: ChunkTable<T>,
  ids: readonly string[],
): Promise<Array<T | undefined>> {
  const buckets = [...new Set(ids.map(bucketOf))];
  const rows = await table.bulkGet(buckets);
  const byId = new Map<string, T>();
  for (const row of rows) for (const r of row?.records ?? []) byId.set(r.id, r);
  return ids.map((id) => byId.get(id));
}

/**
 * What every chunk row of a table holds, by bucket (no entry: no row), kept by the only writer of a
 * bulk run (pageWriter.ts) so it never reads back the chunks it wrote: a first sync's pages of
 * references each read all 64 growing chunks (~40% of their write time, on the sync worker: the
 * first sync's busiest thread). Updated as a page is written, before its transaction commits: a
 * writer whose write failed must drop it (the cache is then read again).
 */
export type ChunkMirror<T> = Map<number, Map<string, T>>;

/**
 * Applies upserts and deletes. Call inside a rw transaction on `table`. `mirror`: the rows as they are
 * (see ChunkMirror), read from it instead of the table and kept in step.
 */
export async function writeRecords<T extends { id: string }>(
  table: ChunkTable<T>,
  put: readonly T[],
  deleted: readonly string[],
  mirror?: ChunkMirror<T>,
): Promise<void> {
  if (put.length === 0 && deleted.length === 0) return;
  const buckets = [...new Set([...put.map((r) => bucketOf(r.id)), ...deleted.map(bucketOf)])];
  const byBucket = new Map<number, Map<string, T>>();
  if (mirror) for (const b of buckets) byBucket.set(b, mirror.get(b) ?? new Map());
  else {
    const rows = await table.bulkGet(buckets);
    buckets.forEach((b, i) => byBucket.set(b, new Map((rows[i]?.records ?? []).map((r) => [r.id, r]))));
  }
  for (const id of deleted) byBucket.get(bucketOf(id))!.delete(id);
  for (const r of put) byBucket.get(bucketOf(r.id))!.set(r.id, r);
  if (mirror) for (const [b, records] of byBucket) mirror.set(b, records);
  await table.bulkPut([...byBucket].map(([bucket, records]) => ({ bucket, records: [...records.values()] })));
}

/** Regroups rows of an old one-row-per-record table into chunks (schema upgrades). */
export function toChunks<T extends { id: string }>(records: readonly T[]): Array<ChunkRow<T>> {
  const chunks = new Map<number, T[]>();
  for (const r of records) chunks.set(bucketOf(r.id), [...(chunks.get(bucketOf(r.id)) ?? []), r]);
  return [...chunks].map(([bucket, recs]) => ({ bucket, records: recs }));
}
