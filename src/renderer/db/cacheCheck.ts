/**
 * Reads the directory cache (site and reference chunks, per-site profile rows) and
 * checks every record against its shared schema, because IndexedDB holds whatever was written: a
 * profile edited by hand in DevTools, a half-written row from a crashed browser, an old build's shape.
 *
 * A record that fails is dropped from its row and reported (kind, id, first failing field — never
 * its contents, which are client PII); an unreadable row is dropped whole. The repair then resets
 * `meta.syncSeq` to 0 in the same transaction, so the next sync fetches every record again and the
 * dropped ones come back from the server: the cache never serves a bad record and never loses one.
 * Site policies are not checked here: they are read one site at a time, when a site is opened.
 *
 * Checking 100k records takes most of a second, so the load reads the rows (`readDirectoryRows`),
 * serves exact lookups from them at once and checks them afterwards in time slices
 * (`checkDirectoryRows`), never blocking first paint (DirectoryIndexStore).
 */
import type { z } from 'zod';
import { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import type { SiteProfilesRow } from './profileBundles.js';
import { bucketOf, CHUNKS_PER_READ, rowsByKey, type ChunkRow } from './recordChunks.js';
import { createTimeSlicer, type TimeSlicer } from '../scheduling/timeSlice.js';

export interface CacheDamage {
  kind: 'site' | 'profile' | 'reference';
  /** The record's id, when it could be read. */
  id?: string;
  /** `field: problem` of the first failing field, or what was wrong with the row. */
  reason: string;
}

export interface CheckedDirectory {
  sites: Site[];
  profiles: ClientProfile[];
  references: Reference[];
  damage: CacheDamage[];
}

const idOf = (v: unknown) =>
  v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string'
    ? (v as { id: string }).id
    : undefined;

function why(err: z.ZodError): string {
  const issue = err.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'record'}: ${issue.message}` : 'invalid';
}

/** Keeps the records of one row that pass `schema`; the rest go to `damage`. */
function keepValid<T>(
  kind: CacheDamage['kind'],
  schema: z.ZodType<T>,
  records: unknown,
  damage: CacheDamage[],
  belongs: (r: T) => boolean,
): { kept: T[]; changed: boolean } {
  if (!Array.isArray(records)) {
    damage.push({ kind, reason: 'records: the row holds no list of records' });
    return { kept: [], changed: true };
  }
  const kept: T[] = [];
  for (const raw of records) {
    const r = schema.safeParse(raw);
    if (!r.success) damage.push({ kind, id: idOf(raw), reason: why(r.error) });
    else if (!belongs(r.data)) damage.push({ kind, id: idOf(raw), reason: 'stored under the wrong row' });
    // The stored value, not the parsed one: parsing fills defaults, and the cache keeps what the server sent.
    else kept.push(raw as T);
  }
  return { kept, changed: kept.length !== records.length };
}

/** The directory rows as stored, unchecked. */
export interface DirectoryRows {
  siteRows: Array<ChunkRow<Site>>;
  profileRows: SiteProfilesRow[];
  referenceRows: Array<ChunkRow<Reference>>;
}

/** `profileRows`: the profile rows when already read (a bulk sync reads them back as it goes). */
export async function readDirectoryRows(db: CallsignDb, profileRows?: SiteProfilesRow[]): Promise<DirectoryRows> {
  // By key (recordChunks.ts `rowsByKey`): no one-piece result of 100k records on the main thread.
  const [siteRows, profiles, referenceRows] = await Promise.all([
    rowsByKey(db.siteChunks, CHUNKS_PER_READ),
    profileRows ?? rowsByKey(db.siteProfiles),
    rowsByKey(db.referenceChunks, CHUNKS_PER_READ),
  ]);
  return { siteRows, profileRows: profiles, referenceRows };
}

export async function readCheckedDirectory(db: CallsignDb): Promise<CheckedDirectory> {
  return checkDirectoryRows(db, await readDirectoryRows(db));
}

/** Checks rows read by `readDirectoryRows`, yielding between rows when `slicer` says so; repairs the cache. */
export async function checkDirectoryRows(
  db: CallsignDb,
  { siteRows, profileRows, referenceRows }: DirectoryRows,
  slicer: TimeSlicer = createTimeSlicer(),
): Promise<CheckedDirectory> {
  const damage: CacheDamage[] = [];
  const fixes: Array<() => Promise<unknown>> = [];

  const chunks = async <T extends { id: string }>(
    kind: 'site' | 'reference',
    schema: z.ZodType<T>,
    rows: Array<ChunkRow<T>>,
    table: CallsignDb['siteChunks'] | CallsignDb['referenceChunks'],
  ): Promise<T[]> => {
    const all: T[] = [];
    for (const row of rows) {
      if (slicer.due()) await slicer.pause();
      const { kept, changed } = keepValid(kind, schema, row.records, damage, (r) => bucketOf(r.id) === row.bucket);
      all.push(...kept);
      if (changed)
        fixes.push(() => (table as CallsignDb['siteChunks']).put({ bucket: row.bucket, records: kept as never }));
    }
    return all;
  };
  const sites = await chunks('site', Site as z.ZodType<Site>, siteRows, db.siteChunks);
  const references = await chunks('reference', Reference as z.ZodType<Reference>, referenceRows, db.referenceChunks);

  const profiles: ClientProfile[] = [];
  for (const row of profileRows) {
    if (slicer.due()) await slicer.pause();
    const { kept, changed } = keepValid(
      'profile',
      ClientProfile as z.ZodType<ClientProfile>,
      row.profiles,
      damage,
      (p) => p.siteId === row.siteId,
    );
    profiles.push(...kept);
    if (changed) fixes.push(() => db.siteProfiles.put({ siteId: row.siteId, profiles: kept }));
  }

  if (damage.length) {
    await db.transaction('rw', [db.siteChunks, db.siteProfiles, db.referenceChunks, db.meta], async () => {
      for (const fix of fixes) await fix();
      await db.meta.put({ key: 'syncSeq', value: 0 });
    });
  }
  return { sites, profiles, references, damage };
}
