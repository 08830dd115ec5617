/**
 * Applies one delta-sync page to the cache: validate first, then one read-write transaction that
 * writes upserts (bulkPut), tombstones (bulkDelete) and `meta.syncSeq = page.seq` together, so a
 * crash or a bad page never skips or half-applies changes.
 */
import { parseSyncPage } from '../../shared/api/parseSyncPage.js';
import type { Change, SyncPage } from '../../shared/api/sync.js';
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import { writeProfiles, type LocateProfile } from './profileBundles.js';
import { writeReferences } from './referenceChunks.js';
import { writeSites } from './siteChunks.js';
import type { ChunkMirror } from './recordChunks.js';
import type { SitePolicyRecord } from '../../shared/api/approvals.js';
import type { CredentialMeta } from '../../shared/api/credentials.js';
import type { RecordKeys } from '../../shared/identify/recordKeys.js';
import type { SnapshotLines } from '../../shared/identify/types.js';
import { measure } from '../diagnostics/userTiming.js';

/** The chunk rows a bulk run's writer keeps (see `ChunkMirror`). */
export interface BulkChunks {
  sites: ChunkMirror<Site>;
  references: ChunkMirror<Reference>;
}

/** The net effect of a page per cached kind (the last change of an id in the page wins). */
export interface AppliedChanges {
  seq: number;
  /** Number of changes in the page (all kinds, including ones not cached yet). */
  count: number;
  sites: { put: Site[]; deleted: string[] };
  profiles: { put: ClientProfile[]; deleted: string[] };
  references: { put: Reference[]; deleted: string[] };
  policies: { put: SitePolicyRecord[]; deleted: string[] };
  credentials: { put: CredentialMeta[]; deleted: string[] };
  /**
   * The phone keys of `sites.put[i]` and `profiles.put[i]`, worked out by the sync worker so the main
   * thread only inserts them (pageWriter.ts); absent when the page was written in-thread.
   */
  keys?: { sites: RecordKeys[]; profiles: RecordKeys[] };
  /**
   * A bulk run (the first sync into an empty cache, pageWriter.ts): the whole directory written so far
   * as snapshot lines, sent in place of the profiles and references (which are then empty here).
   */
  lines?: SnapshotLines;
  /**
   * A bulk run: the site ids of the profile rows this page wrote or deleted, so the renderer reads
   * them back while the run goes on rather than all at its end (DirectoryIndexStore, profileRowReader.ts).
   */
  rows?: string[];
}

type Cached = 'site' | 'profile' | 'reference' | 'policy' | 'credential';

/**
 * A page already validated (parseSyncPage) in this thread, ahead of its write: the sync worker
 * parses and checks the page it read ahead while the one before it commits (workerPulls.ts). Only
 * made here, in-thread: structured clone drops the class, so a message can never pass for one.
 */
export class ValidatedPage {
  constructor(readonly page: SyncPage) {}
}

/** The net effect per cached kind of a page's changes (validated ones: see applySyncPage). */
export function netChanges(changes: readonly Change[]): Omit<AppliedChanges, 'seq' | 'count'> {
  const last = {
    site: new Map<string, Change>(),
    profile: new Map<string, Change>(),
    reference: new Map<string, Change>(),
    policy: new Map<string, Change>(),
    credential: new Map<string, Change>(),
  };
  for (const c of changes) {
    if (c.kind in last) {
      const m = last[c.kind as Cached];
      m.delete(c.id); // keep insertion order = order of the last change
      m.set(c.id, c);
    }
  }
  const split = <T>(m: Map<string, Change>) => {
    const put: T[] = [];
    const deleted: string[] = [];
    for (const c of m.values()) {
      if (c.op === 'upsert') put.push(c.data as T);
      else deleted.push(c.id);
    }
    return { put, deleted };
  };
  return {
    sites: split<Site>(last.site),
    profiles: split<ClientProfile>(last.profile),
    references: split<Reference>(last.reference),
    policies: split<SitePolicyRecord>(last.policy),
    credentials: split<CredentialMeta>(last.credential),
  };
}

/** Throws an AppError naming the offending field when the page is malformed; the cache is untouched. */
/**
 * `locateProfile` says which site a cached profile is stored under (moves and tombstones); it must
 * know the whole cache — the directory store, loaded before the first page is applied.
 */
export async function applySyncPage(
  db: CallsignDb,
  raw: unknown,
  locateProfile: LocateProfile,
  /** False for a site whose profile row is certainly absent (profileBundles.ts `writeProfiles`). */
  profileRowMayExist?: (siteId: string) => boolean,
  /** A bulk run's writer: the site and reference chunks as they are (recordChunks.ts `ChunkMirror`). */
  chunks?: BulkChunks,
): Promise<AppliedChanges> {
  const tv = performance.now();
  // Canonical changes (as the server sends them) are taken as they are: parseSyncPage.ts.
  const page = raw instanceof ValidatedPage ? raw.page : parseSyncPage(raw);
  const net = netChanges(page.changes);
  const tx = performance.now();
  const applied = await db.transaction(
    'rw',
    [db.siteChunks, db.siteProfiles, db.referenceChunks, db.policies, db.credentials, db.meta],
    async (): Promise<string[] | false> => {
      const meta = await db.meta.get('syncSeq');
      // A page older than what we hold (e.g. two pulls raced) must not move the cursor backwards.
      if (meta && meta.value > page.seq) return false;
      const t0 = performance.now();
      await writeSites(db, net.sites.put, net.sites.deleted, chunks?.sites);
      const t1 = performance.now();
      const rows = await writeProfiles(db, net.profiles.put, net.profiles.deleted, locateProfile, profileRowMayExist);
      const t2 = performance.now();
      await writeReferences(db, net.references.put, net.references.deleted, chunks?.references);
      const t3 = performance.now();
      // Per-kind write time (user timing, diagnostics only; see syncDirectory).
      measure('sync.write.sites', t0, t1);
      measure('sync.write.profiles', t1, t2);
      measure('sync.write.references', t2, t3);
      if (net.policies.put.length) await db.policies.bulkPut(net.policies.put);
      if (net.policies.deleted.length) await db.policies.bulkDelete(net.policies.deleted);
      if (net.credentials.put.length) await db.credentials.bulkPut(net.credentials.put);
      if (net.credentials.deleted.length) await db.credentials.bulkDelete(net.credentials.deleted);
      await db.meta.bulkPut([
        { key: 'syncSeq', value: page.seq },
        { key: 'maxAgeSeconds', value: page.maxAgeSeconds },
      ]);
      return rows;
    },
  );
  if (!(raw instanceof ValidatedPage)) measure('sync.write.validate', tv, tx);
  measure('sync.write.commit', tx, performance.now());
  return applied ? { seq: page.seq, count: page.changes.length, ...net, rows: applied } : nothingApplied(page.seq);
}

/** A page that was older than the cache (two pulls raced): nothing of it was written. */
export function nothingApplied(seq: number): AppliedChanges {
  return {
    seq,
    count: 0,
    sites: { put: [], deleted: [] },
    profiles: { put: [], deleted: [] },
    references: { put: [], deleted: [] },
    policies: { put: [], deleted: [] },
    credentials: { put: [], deleted: [] },
  };
}
