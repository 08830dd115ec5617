/**
 * References are cached in 64 chunks (`referenceChunks`, keyed by a hash of the reference id), not
 * one IndexedDB row each: IndexedDB cost is per row, and 20k references as 20k rows took ~12 s of a
 * 100k-profile first sync, as 64 rows about a second. Reads take every chunk and filter in memory
 * (a few ms at demo size, ~100 ms at 20k references); everything goes through these functions.
 */
import type { Reference } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';

export const REFERENCE_CHUNKS = 64;

export interface ReferenceChunkRow {
  bucket: number;
  references: Reference[];
}

/** FNV-1a over the id: stable across runs and devices. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % REFERENCE_CHUNKS;
}

export async function allReferences(db: CallsignDb): Promise<Reference[]> {
  return (await db.referenceChunks.toArray()).flatMap((c) => c.references);
}

export async function getReference(db: CallsignDb, id: string): Promise<Reference | undefined> {
  return (await db.referenceChunks.get(bucketOf(id)))?.references.find((r) => r.id === id);
}

/** Assigned to the site or to all sites. */
export async function referencesForSite(db: CallsignDb, siteId: string): Promise<Reference[]> {
  return (await allReferences(db)).filter((r) => r.allSites || r.siteIds.includes(siteId));
}

/** Applies upserts and deletes. Call inside a rw transaction on `referenceChunks`. */
export async function writeReferences(db: CallsignDb, put: readonly Reference[], deleted: readonly string[]): Promise<void> {
  if (put.length === 0 && deleted.length === 0) return;
  const buckets = [...new Set([...put.map((r) => bucketOf(r.id)), ...deleted.map(bucketOf)])];
  const rows = await db.referenceChunks.bulkGet(buckets);
  const byBucket = new Map<number, Map<string, Reference>>();
  buckets.forEach((b, i) => byBucket.set(b, new Map((rows[i]?.references ?? []).map((r) => [r.id, r]))));
  for (const id of deleted) byBucket.get(bucketOf(id))!.delete(id);
  for (const r of put) byBucket.get(bucketOf(r.id))!.set(r.id, r);
  await db.referenceChunks.bulkPut([...byBucket].map(([bucket, refs]) => ({ bucket, references: [...refs.values()] })));
}
