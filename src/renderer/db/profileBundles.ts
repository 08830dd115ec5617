/**
 * Client profiles are cached per site: one IndexedDB row per site (`siteProfiles`) holding that
 * site's profiles. IndexedDB cost is per row and per index entry, so 100k profiles as ~10k rows
 * with no secondary index write several times faster (bench/results/lookup.json), and the site
 * view reads a site's people with one get. Which row holds a profile today (for moves and deletes)
 * comes from the in-memory directory (`locate`), not from an index. Everything goes through here.
 */
import type { ClientProfile } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import { measure } from '../diagnostics/userTiming.js';

export interface SiteProfilesRow {
  siteId: string;
  profiles: ClientProfile[];
}

/** Where a cached profile lives now (its site id), or undefined when it is not cached. */
export type LocateProfile = (profileId: string) => string | undefined;

export async function profilesOfSite(db: CallsignDb, siteId: string): Promise<ClientProfile[]> {
  return (await db.siteProfiles.get(siteId))?.profiles ?? [];
}

/** A profile by id: looked up in `siteId`'s row first, else (rarely: another site) in every row. */
export async function getProfile(db: CallsignDb, id: string, siteId?: string): Promise<ClientProfile | undefined> {
  const own = siteId ? (await profilesOfSite(db, siteId)).find((p) => p.id === id) : undefined;
  return own ?? (await allProfiles(db)).find((p) => p.id === id);
}

export async function allProfiles(db: CallsignDb): Promise<ClientProfile[]> {
  return (await db.siteProfiles.toArray()).flatMap((r) => r.profiles);
}

/**
 * Applies upserts and deletes to the site rows. Call inside a rw transaction on `siteProfiles`.
 * A profile that moved to another site leaves its old row; rows left empty are deleted. `locate`
 * must know every cached profile (the directory store, loaded before sync applies pages).
 * `rowMayExist`: false for a site with no row for sure (a first sync into an empty cache knows the
 * rows it wrote), whose row is then not read: the bulk first sync's reads were ~40 ms a page.
 * Resolves with the site ids of the rows written or deleted.
 */
export async function writeProfiles(
  db: CallsignDb,
  put: readonly ClientProfile[],
  deleted: readonly string[],
  locate: LocateProfile,
  rowMayExist: (siteId: string) => boolean = () => true,
): Promise<string[]> {
  if (put.length === 0 && deleted.length === 0) return [];
  const touchedIds = [...put.map((p) => p.id), ...deleted];
  const targetSites = [...new Set(put.map((p) => p.siteId))];
  const holders = touchedIds.map(locate).filter((s): s is string => s !== undefined);
  const siteIds = [...new Set([...targetSites, ...holders])];
  const rows = new Map<string, SiteProfilesRow>();
  const t0 = performance.now();
  const toRead = siteIds.filter(rowMayExist);
  if (toRead.length) for (const r of await db.siteProfiles.bulkGet(toRead)) if (r) rows.set(r.siteId, r);
  measure('sync.write.profiles.read', t0, performance.now());
  const gone = new Set(touchedIds);
  const bySite = new Map<string, ClientProfile[]>();
  for (const r of rows.values())
    bySite.set(
      r.siteId,
      r.profiles.filter((p) => !gone.has(p.id)),
    );
  for (const p of put) {
    const list = bySite.get(p.siteId) ?? [];
    list.push(p);
    bySite.set(p.siteId, list);
  }
  const write: SiteProfilesRow[] = [];
  const empty: string[] = [];
  for (const [siteId, profiles] of bySite) {
    if (profiles.length) write.push({ siteId, profiles });
    else empty.push(siteId);
  }
  if (write.length) await db.siteProfiles.bulkPut(write);
  if (empty.length) await db.siteProfiles.bulkDelete(empty);
  return [...bySite.keys()];
}
