/**
 * The offline cache (IndexedDB database `callsign-cache`, via Dexie 4).
 *
 * What is stored: the synced directory — sites, client profiles and references exactly as the
 * server sends them in delta sync — plus sync bookkeeping in `meta` (`syncSeq`: the last change
 * applied; `lastSyncAt`: when a pull last completed; `maxAgeSeconds`: how old the cache may get before
 * the UI calls it stale), each site's approval rules (`policies`, keyed by site id), the
 * technician's favourites and recent lookups, and the approval-record outbox (`approvals`: finished
 * workflows, hash-chained per device, kept after upload with `uploadState` so the device chain can
 * be verified; `chain` holds this device's id and the hash of its last record), and the vault's
 * credential accounts (`credentials`, keyed by id, indexed by site: metadata and lease state only —
 * name, username, kind, resources, who holds it until when — so the Credentials tab reads offline),
 * and `indexSnapshots`: the caller index's phone keys as of a `syncSeq`, one row rebuilt after each
 * sync so a restart answers exact lookups without parsing 100k numbers (callerIndexSnapshot.ts).
 * How long: until the server tombstones a record (sync deletes it) or the app wipes the cache.
 * Never stored here: tokens, passwords, SMS codes, lease secrets — main keeps those, the renderer
 * never sees them.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import type { ApprovalRecord, SitePolicyRecord } from '../../shared/api/approvals.js';
import type { CredentialMeta } from '../../shared/api/credentials.js';
import type { SiteProfilesRow } from './profileBundles.js';
import type { IndexSnapshotRow } from './callerIndexSnapshot.js';
import { toChunks, type ChunkRow } from './recordChunks.js';
import { CACHE_DB_NAME } from './cacheName.js';

export interface MetaRow {
  /** `credentialScope`: 1 when the cache was synced with credential metadata, 0 without (credentialScope.ts). */
  key: 'syncSeq' | 'lastSyncAt' | 'maxAgeSeconds' | 'credentialScope';
  value: number;
}

export interface FavouriteRow {
  id: string;
  kind: 'site' | 'profile';
  addedAt: number;
}

export interface RecentRow {
  id?: number;
  input: string;
  siteId?: string;
  profileId?: string;
  at: number;
}

/** An approval record in the local outbox. Records are immutable; only the upload fields change. */
export interface ApprovalRow {
  id: string;
  record: ApprovalRecord;
  /** Local sequence in this device's chain (1, 2, …). */
  chainIndex: number;
  uploadState: 'pending' | 'sent';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  sentAt?: number;
}

/**
 * Chain heads. `key: 'device'` holds the installation's random `deviceId` and, in `length`, the
 * number of records made on this desktop (the next record's `chainIndex`). `key: 'tech:<userId>'` is
 * one technician's chain on this desktop — the server keeps a chain per (technician, device), so two
 * technicians sharing a desk each have their own (see deviceChain.ts). Before that split the
 * `device` row's `lastHash` was the only head; it is still written, and read once to upgrade.
 */
export interface ChainRow {
  key: 'device' | `tech:${string}`;
  deviceId: string;
  lastHash: string;
  length: number;
}

export class CallsignDb extends Dexie {
  /** Sites in 64 chunks (see recordChunks.ts); the v1 `sites` table is gone. */
  siteChunks!: Table<ChunkRow<Site>, number>;
  /** Profiles grouped by site (see profileBundles.ts); the v1 `profiles` table is gone. */
  siteProfiles!: EntityTable<SiteProfilesRow, 'siteId'>;
  /** References in 64 chunks (see referenceChunks.ts); the v1 `references` table is gone. */
  referenceChunks!: Table<ChunkRow<Reference>, number>;
  meta!: EntityTable<MetaRow, 'key'>;
  favourites!: EntityTable<FavouriteRow, 'id'>;
  recents!: EntityTable<RecentRow, 'id'>;
  policies!: EntityTable<SitePolicyRecord, 'siteId'>;
  approvals!: EntityTable<ApprovalRow, 'id'>;
  chain!: EntityTable<ChainRow, 'key'>;
  /** Vault credential metadata (never a secret: CredentialMeta has no password field). */
  credentials!: EntityTable<CredentialMeta, 'id'>;
  /** The caller index's persisted phone keys (callerIndexSnapshot.ts); derived data, rebuilt after each sync. */
  indexSnapshots!: EntityTable<IndexSnapshotRow, 'key'>;

  constructor(name = CACHE_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      sites: 'id',
      profiles: 'id, siteId',
      references: 'id, *siteIds',
      meta: 'key',
      favourites: 'id, kind, addedAt',
      recents: '++id, at',
    });
    this.version(2).stores({
      policies: 'siteId',
      approvals: 'id, chainIndex, uploadState, nextAttemptAt, record.siteId',
      chain: 'key',
    });
    // v3: one row per site instead of one per profile (sync speed); existing profiles are regrouped.
    this.version(3)
      .stores({ profiles: null, siteProfiles: 'siteId' })
      .upgrade(async (tx) => {
        const old = (await tx.table('profiles').toArray()) as ClientProfile[];
        const bySite = new Map<string, ClientProfile[]>();
        for (const p of old) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), p]);
        await tx.table('siteProfiles').bulkPut([...bySite].map(([siteId, profiles]) => ({ siteId, profiles })));
      });
    // v4: sites and references in 64 chunks instead of one row each (sync speed); regrouped here.
    this.version(4)
      .stores({ sites: null, references: null, siteChunks: 'bucket', referenceChunks: 'bucket' })
      .upgrade(async (tx) => {
        await tx.table('siteChunks').bulkPut(toChunks((await tx.table('sites').toArray()) as Site[]));
        await tx.table('referenceChunks').bulkPut(toChunks((await tx.table('references').toArray()) as Reference[]));
      });
    // v5: the vault's credential metadata (sync kind `credential`).
    this.version(5).stores({ credentials: 'id, siteId' });
    // v6: the caller index's phone keys for a warm start (callerIndexSnapshot.ts).
    this.version(6).stores({ indexSnapshots: 'key' });
  }
}

export interface SyncMeta {
  syncSeq: number;
  lastSyncAt: number | undefined;
  maxAgeSeconds: number | undefined;
}

export async function readSyncMeta(db: CallsignDb): Promise<SyncMeta> {
  const rows = await db.meta.bulkGet(['syncSeq', 'lastSyncAt', 'maxAgeSeconds']);
  return { syncSeq: rows[0]?.value ?? 0, lastSyncAt: rows[1]?.value, maxAgeSeconds: rows[2]?.value };
}
