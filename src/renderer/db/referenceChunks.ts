/**
 * References in the cache: chunked (see recordChunks.ts — 20k references as 20k rows took ~12 s of
 * a 100k-profile first sync, as 64 rows about a second). Reads filter in memory.
 */
import type { Reference } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import { allRecords, getRecord, writeRecords, type ChunkMirror } from './recordChunks.js';

export const allReferences = (db: CallsignDb): Promise<Reference[]> => allRecords(db.referenceChunks);

export const getReference = (db: CallsignDb, id: string): Promise<Reference | undefined> =>
  getRecord(db.referenceChunks, id);

/** Assigned to the site or to all sites. */
export async function referencesForSite(db: CallsignDb, siteId: string): Promise<Reference[]> {
  return (await allReferences(db)).filter((r) => r.allSites || r.siteIds.includes(siteId));
}

/** Call inside a rw transaction on `referenceChunks`. */
export const writeReferences = (
  db: CallsignDb,
  put: readonly Reference[],
  deleted: readonly string[],
  mirror?: ChunkMirror<Reference>,
): Promise<void> => writeRecords(db.referenceChunks, put, deleted, mirror);
