/**
 * Fast path for loading a whole generated directory (SQLite only): one transaction, prepared
 * statements, records validated by the shared schemas. Same outcome as calling DirectoryStore's
 * upserts one by one — each record ends with exactly one change row — at ~100k records per second.
 * (A PostgreSQL port would use COPY into a staging table instead.)
 */
import type BetterSqlite3 from 'better-sqlite3';
import { parseOrThrow, type SitePolicyRecord } from '../../shared/api/index.js';
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import { DIRECTORY_SCHEMAS, recordKey, type DirectoryKind } from './DirectoryStore.js';

export interface DirectoryData {
  sites: readonly Site[];
  profiles: readonly ClientProfile[];
  references: readonly Reference[];
  /** Site approval rules (sync kind `policy`); each site must be among `sites` or already stored. */
  policies?: readonly SitePolicyRecord[];
}

export function bulkLoadDirectory(
  sqlite: BetterSqlite3.Database,
  data: DirectoryData,
  now: number,
): { sites: number; profiles: number; references: number } {
  const upsertRecord = sqlite.prepare(
    `insert into directory_records (kind, id, site_id, data, updated_at) values (?, ?, ?, ?, ?)
     on conflict (kind, id) do update set site_id = excluded.site_id, data = excluded.data, updated_at = excluded.updated_at`,
  );
  // REPLACE deletes the record's previous change row (unique on kind, record_id) and inserts a new
  // one with the next AUTOINCREMENT seq: one statement instead of delete + insert.
  const replaceChange = sqlite.prepare(
    `insert or replace into changes (kind, record_id, op, changed_at) values (?, ?, 'upsert', ?)`,
  );

  // A site's first policy version is valid since the epoch (as migration 0009 backfills today's
  // policies): a loaded directory is the best knowledge of the rules before it; later loads version at `now`.
  const policyVersion = sqlite.prepare(
    `insert into policy_versions (site_id, data, valid_from)
     select @site, @data, case when exists (select 1 from policy_versions where site_id = @site) then @now else 0 end`,
  );

  const load = (kind: DirectoryKind, records: readonly object[], order?: (a: object, b: object) => number) => {
    // Sorting keeps each record's original index for error paths.
    const indexed = records.map((input, i) => ({ input, i }));
    if (order) indexed.sort((a, b) => order(a.input, b.input) || a.i - b.i);
    indexed.forEach(({ input, i }) => {
      const record = parseOrThrow(DIRECTORY_SCHEMAS[kind], input, `${kind}s.${i}`);
      const { id, siteId } = recordKey(kind, record);
      upsertRecord.run(kind, id, siteId, JSON.stringify(record), now);
      replaceChange.run(kind, id, now);
      if (kind === 'policy') policyVersion.run({ site: id, data: JSON.stringify(record), now }); // see approvals/policyVersions.ts
    });
  };

  sqlite.transaction(() => {
    load('site', data.sites);
    // Profiles in site order: the change sequence then carries each site's people together, so a
    // device's first sync rewrites each cached site row once (the cache groups profiles by site).
    load('profile', data.profiles, (a, b) => {
      const sa = (a as ClientProfile).siteId;
      const sb = (b as ClientProfile).siteId;
      return sa < sb ? -1 : sa > sb ? 1 : 0;
    });
    load('reference', data.references);
    load('policy', data.policies ?? []);
  })();
  return { sites: data.sites.length, profiles: data.profiles.length, references: data.references.length };
}
