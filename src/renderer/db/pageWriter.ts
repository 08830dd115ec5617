/**
 * Writes delta-sync pages to the cache off the renderer's main thread (issue 12): the sync worker
 * (features/sync/worker) runs this, so validating a 5,000-change page, the per-page transaction and
 * the checkpoint (all of applySyncPage) never stall typing or lookups.
 *
 * The cache groups profiles by site, so a write must know which site row holds each cached profile
 * (moves and tombstones). In-thread, the renderer's directory answers that; in the worker, this keeps
 * its own map: seeded from the directory at the start of a sync run (when the directory holds exactly
 * the cache) and kept up to date with every page it writes. Memory only; nothing new is stored.
 *
 * It also works out the phone match keys of every written site and profile (`AppliedChanges.keys`):
 * parsing numbers was most of the renderer's indexing work, and here it runs in the worker.
 */
import { AppError } from '../../shared/api/errors.js';
import { applySyncPage, type AppliedChanges } from './applySyncPage.js';
import type { CallsignDb } from './CallsignDb.js';
import { profilePhoneKeys, sitePhoneKeys } from '../../shared/identify/recordKeys.js';

/** Where every cached profile is stored: `ids[i]` lives in the row of site `siteIds[i]`. */
export interface ProfilePlacement {
  ids: string[];
  siteIds: string[];
}

export interface PageWriter {
  /** Replaces what the writer knows of the cache's profiles (call before the first page of a run). */
  seed(placement: ProfilePlacement): void;
  /**
   * Validates and writes one page (a SyncPage, or its JSON text) with its checkpoint; resolves with its
   * net changes for the in-memory directory (`count` 0: older than the cache, nothing written). Throws
   * an AppError naming the bad field.
   */
  write(raw: unknown): Promise<AppliedChanges>;
}

export function createPageWriter(db: CallsignDb): PageWriter {
  const where = new Map<string, string>();
  // Site countries of the pages written so far, to read national numbers of the sites' people with.
  // Not seeded: a profile whose site this writer has not seen gets keys without a site country, and
  // the directory reads such numbers itself (recordKeys.ts `fittingKeys` checks the country used).
  const countries = new Map<string, string>();
  return {
    seed({ ids, siteIds }) {
      where.clear();
      for (let i = 0; i < ids.length; i++) where.set(ids[i]!, siteIds[i]!);
    },
    async write(raw) {
      const applied = await applySyncPage(db, typeof raw === 'string' ? parseJson(raw) : raw, (id) => where.get(id));
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
      return applied;
    },
  };
}

function measure(name: string, start: number, end: number) {
  try {
    performance.measure(name, { start, end });
  } catch (err) {
    console.warn('Callsign: user timing unavailable in the sync worker (diagnostics only)', err);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      'bad_request',
      'A sync page from the server was not readable JSON; sync will fetch it again.',
      'syncPage',
    );
  }
}
