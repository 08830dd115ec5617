/**
 * Loads records into the directory with portable Kysely writes in one transaction — the path used
 * on PostgreSQL, where the SQLite bulk loader (directory/bulkLoadDirectory.ts) does not apply.
 * Same outcome: every record validated by its schema and given exactly one change row.
 */
import { parseOrThrow, type SitePolicyRecord } from '../../shared/api/index.js';
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import {
  DIRECTORY_SCHEMAS,
  recordKey,
  type BatchWrite,
  type DirectoryKind,
  type DirectoryStore,
} from '../directory/DirectoryStore.js';

export interface DirectoryRecords {
  sites: readonly Site[];
  profiles: readonly ClientProfile[];
  references: readonly Reference[];
  policies?: readonly SitePolicyRecord[];
}

export async function loadDirectory(
  directory: DirectoryStore,
  data: DirectoryRecords,
): Promise<{ sites: number; profiles: number; references: number }> {
  const writes: BatchWrite[] = [];
  const add = (kind: DirectoryKind, records: readonly object[]) =>
    records.forEach((input, i) => {
      const record = parseOrThrow(DIRECTORY_SCHEMAS[kind], input, `${kind}s.${i}`) as object;
      const { id, siteId } = recordKey(kind, record);
      writes.push({ op: 'upsert', kind, id, siteId, data: JSON.stringify(record) });
    });
  add('site', data.sites);
  add('profile', data.profiles);
  add('reference', data.references);
  add('policy', data.policies ?? []);
  await directory.applyBatch(writes);
  return { sites: data.sites.length, profiles: data.profiles.length, references: data.references.length };
}
