/**
 * Writes delta-sync pages to the cache off the renderer's main thread (issue 12): the sync worker
 * (features/sync/worker) runs this, so validating a 5,000-change page, the per-page transaction and
 * the checkpoint (all of applySyncPage) never stall typing or lookups.
 *
 * The cache groups profiles by site, so a write must know which site row holds each cached profile
 * (moves and tombstones). In-thread, the renderer's directory answers that; in the worker, this keeps
 * its own map: seeded once from the directory (at the first sync run that writes, when the directory
 * holds exactly the cache) and kept up to date with every page it writes, across runs: it describes
 * the cache as this writer left it, so later runs need no new seed (100k placements cost a routine
 * sync of 100 changes most of its time). A new worker (app restart, remote wipe → reload) starts
 * unseeded. Memory only; nothing new is stored.
 *
 * It also works out the phone match keys of every written site and profile (`AppliedChanges.keys`):
 * parsing numbers was most of the renderer's indexing work, and here it runs in the worker.
 */
import { AppError } from '../../shared/api/errors.js';
import { applySyncPage, ValidatedPage, type AppliedChanges, type BulkChunks } from './applySyncPage.js';
import { parseSyncPage } from '../../shared/api/parseSyncPage.js';
import type { CallsignDb } from './CallsignDb.js';
import { profilePhoneKeys, sitePhoneKeys } from '../../shared/identify/recordKeys.js';
import type { SnapshotLines } from '../../shared/identify/types.js';
import { buildLineTable } from '../../shared/identify/frozenCallerIndex.js';
import { writeIndexSnapshot } from './callerIndexSnapshot.js';
import { DirectoryLines } from './directoryLines.js';
import { measure } from '../diagnostics/userTiming.js';

/** Where every cached profile is stored: `ids[i]` lives in the row of site `siteIds[i]`. */
export interface ProfilePlacement {
  ids: string[];
  siteIds: string[];
}

/** A page pulled for a writer: its cursor, and what to pass to `write` (the page, or a reference to it). */
export interface PulledPage {
  seq: number;
  more: boolean;
  remaining: number;
  count: number;
  page: unknown;
}

export interface PageWriter {
  /**
   * Fetches a page for this writer to write (`write(pulled.page)`), when it fetches pages itself (the
   * sync worker: features/sync/worker/workerPulls.ts); without it, the caller fetches them.
   */
  pull?(query: { since: number; limit: number }): Promise<PulledPage>;
  /** Replaces what the writer knows of the cache's profiles (call before its first page). */
  seed(placement: ProfilePlacement): void;
  /**
   * True once seeded and kept in step by its own writes since: no new seed needed. A writer without
   * it (a test fake) is seeded at the start of every run that writes.
   */
  readonly seeded?: boolean;
  /**
   * Validates and writes one page (a SyncPage, its UTF-8 JSON bytes, or a `preparePage` result) with
   * its checkpoint; resolves with its net changes for the in-memory directory (`count` 0: older than
   * the cache, nothing written). Throws an AppError naming the bad field. In a bulk run (`bulkStart`),
   * the reply carries the sites, policies and credentials only, with the whole directory's `lines` in
   * place of the profiles and references.
   */
  write(raw: unknown): Promise<AppliedChanges>;
  /**
   * Starts a bulk run: the first sync into an empty cache. The writer describes the directory it
   * writes as snapshot lines (directoryLines.ts) and sends those instead of every record.
   */
  bulkStart?(): void;
  /**
   * Ends the bulk run: stores the final lines as the caller index snapshot at `atSeq` (when the cache
   * is still there) and resolves with them (undefined when none could be taken).
   */
  bulkFinish?(atSeq: number): Promise<SnapshotLines | undefined>;
}

export function createPageWriter(db: CallsignDb): PageWriter {
  const where = new Map<string, string>();
  // Site countries of the pages written so far, to read national numbers of the sites' people with.
  // Not seeded: a profile whose site this writer has not seen gets keys without a site country, and
  // the directory reads such numbers itself (recordKeys.ts `fittingKeys` checks the country used).
  const countries = new Map<string, string>();
  let seeded = false;
  let bulk: DirectoryLines | undefined;
  // A bulk run starts from an empty cache: the only profile rows are those it wrote itself, and the
  // site and reference chunks are what it wrote (kept here: never read back; dropped if a write fails).
  const bulkRows = new Set<string>();
  let bulkChunks: BulkChunks | undefined;
  const countryOf = (siteId: string) => countries.get(siteId);
  return {
    get seeded() {
      return seeded;
    },
    seed({ ids, siteIds }) {
      seeded = true;
      where.clear();
      for (let i = 0; i < ids.length; i++) where.set(ids[i]!, siteIds[i]!);
    },
    async write(raw) {
      let applied: AppliedChanges;
      try {
        applied = await applySyncPage(
          db,
          raw instanceof Uint8Array ? preparePage(raw) : raw,
          (id) => where.get(id),
          bulk ? (siteId) => bulkRows.has(siteId) : undefined,
          bulk ? bulkChunks : undefined,
        );
      } catch (err) {
        // The chunks may hold the failed page's records, which the cache does not: read it from now on.
        bulkChunks = undefined;
        throw err;
      }
      if (bulk) for (const p of applied.profiles.put) bulkRows.add(p.siteId);
      // Which profile rows changed matters to a bulk run's renderer only (bulkReply passes it on).
      if (!bulk) delete applied.rows;
      for (const p of applied.profiles.put) where.set(p.id, p.siteId);
      for (const id of applied.profiles.deleted) where.delete(id);
      const t0 = performance.now();
      for (const s of applied.sites.put) countries.set(s.id, s.country);
      for (const id of applied.sites.deleted) countries.delete(id);
      applied.keys = {
        sites: applied.sites.put.map(sitePhoneKeys),
        profiles: applied.profiles.put.map((p) => profilePhoneKeys(p, countries.get(p.siteId))),
      };
      measure('sync.write.keys', t0, performance.now());
      return bulk ? bulkReply(bulk, applied, countryOf) : applied;
    },
    bulkStart() {
      bulk = new DirectoryLines();
      bulkRows.clear();
      bulkChunks = { sites: new Map(), references: new Map() };
    },
    async bulkFinish(atSeq) {
      const t0 = performance.now();
      const lines = bulk?.lines(countryOf);
      if (lines) lines.table = buildLineTable(lines.profiles);
      bulk = undefined;
      bulkRows.clear();
      bulkChunks = undefined;
      const t1 = performance.now();
      if (lines) await writeIndexSnapshot(db, lines, atSeq);
      measure('sync.finish.lines', t0, t1);
      measure('sync.finish.snapshot', t1, performance.now());
      return lines;
    },
  };
}

/** What a bulk run sends back for a page: the sites (few, shown as they come) and, when due, the directory's lines. */
function bulkReply(
  bulk: DirectoryLines,
  applied: AppliedChanges,
  countryOf: (siteId: string) => string | undefined,
): AppliedChanges {
  applied.sites.put.forEach((s, i) => bulk.putSite(s, applied.keys!.sites[i]!));
  applied.sites.deleted.forEach((id) => bulk.deleteSite(id));
  applied.profiles.put.forEach((p, i) => bulk.putProfile(p, applied.keys!.profiles[i]!));
  applied.profiles.deleted.forEach((id) => bulk.deleteProfile(id));
  // Taken again in growing steps (directoryLines.ts `due`); between them the renderer answers from the last ones.
  const t0 = performance.now();
  const lines = bulk.due ? bulk.lines(countryOf) : undefined;
  // The renderer answers from these at once: the lookup table is built here, off its main thread.
  if (lines) lines.table = buildLineTable(lines.profiles);
  measure('sync.write.lines', t0, performance.now());
  return {
    ...applied,
    keys: { sites: applied.keys!.sites, profiles: [] },
    profiles: { put: [], deleted: [] },
    references: { put: [], deleted: [] },
    ...(lines ? { lines } : {}),
  };
}

/**
 * A page's bytes parsed and validated ahead of its write (`write` takes the result as it is). Throws
 * the AppError its write would throw, naming the field.
 */
export function preparePage(bytes: Uint8Array): ValidatedPage {
  const t0 = performance.now();
  const raw = parseSyncPageBytes(bytes);
  const t1 = performance.now();
  const page = new ValidatedPage(parseSyncPage(raw));
  measure('sync.write.parse', t0, t1);
  measure('sync.write.validate', t1, performance.now());
  return page;
}

/** Strict: a page that is not UTF-8 is refused, not read with replacement characters in its names. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A sync page's UTF-8 JSON bytes (`sync.pullBytes`), parsed; an AppError naming `syncPage` when they are not. */
export function parseSyncPageBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(utf8.decode(bytes));
  } catch {
    throw new AppError(
      'bad_request',
      'A sync page from the server was not readable UTF-8 JSON; sync will fetch it again.',
      'syncPage',
    );
  }
}
