/** Sites in the cache: chunked like references (see recordChunks.ts). */
import type { Site } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import { allRecords, getRecord, getRecords, writeRecords, type ChunkMirror } from './recordChunks.js';

export const allSites = (db: CallsignDb): Promise<Site[]> => allRecords(db.siteChunks);
export const getSite = (db: CallsignDb, id: string): Promise<Site | undefined> => getRecord(db.siteChunks, id);
export const getSites = (db: CallsignDb, ids: readonly string[]): Promise<Array<Site | undefined>> =>
  getRecords(db.siteChunks, ids);

/** Call inside a rw transaction on `siteChunks`. */
export const writeSites = (
  db: CallsignDb,
  put: readonly Site[],
  deleted: readonly string[],
  mirror?: ChunkMirror<Site>,
): Promise<void> => writeRecords(db.siteChunks, put, deleted, mirror);
