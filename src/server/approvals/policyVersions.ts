/**
 * Versions of each site's approval policy (table `policy_versions`, migration 0009): DirectoryStore
 * appends one row in the same transaction as every write of a `policy` record — its JSON, or null
 * when the policy (or its site) is deleted — valid from the write's time until the next row. The
 * review re-checks an approval record against the version in force at the record's time, so a rule
 * changed after the record never flags it.
 */
import type { Kysely } from 'kysely';
import { SitePolicyRecord } from '../../shared/api/approvals.js';
import type { Database } from '../db/schema.js';

/**
 * Appends a version valid from `now`. `loaded`: the write loads a directory (bundle import, fixtures),
 * so a site's first version is valid since the epoch — like migration 0009's backfill, the loaded
 * rules are the best knowledge of the rules before them.
 */
export async function recordPolicyVersion(
  trx: Kysely<Database>,
  siteId: string,
  data: string | null,
  now: number,
  loaded = false,
): Promise<void> {
  let validFrom = now;
  if (loaded) {
    const earlier = await trx
      .selectFrom('policy_versions')
      .select('id')
      .where('site_id', '=', siteId)
      .limit(1)
      .executeTakeFirst();
    if (!earlier) validFrom = 0;
  }
  await trx.insertInto('policy_versions').values({ site_id: siteId, data, valid_from: validFrom }).execute();
}

export interface PolicyVersion {
  id: number;
  validFrom: number;
  /** Null when the site had no policy at that time (deleted or never set). */
  policy: SitePolicyRecord | null;
}

const parse = (row: { id: number; valid_from: number; data: string | null }, siteId: string): PolicyVersion => {
  if (row.data === null) return { id: Number(row.id), validFrom: Number(row.valid_from), policy: null };
  const parsed = SitePolicyRecord.safeParse(JSON.parse(row.data));
  if (!parsed.success) throw new Error(`policy_versions ${row.id} of site ${siteId} does not parse as a site policy`);
  return { id: Number(row.id), validFrom: Number(row.valid_from), policy: parsed.data };
};

/** The version of the site's policy in force at `at` (ms), or undefined when none was written by then. */
export async function policyVersionAt(
  db: Kysely<Database>,
  siteId: string,
  at: number,
): Promise<PolicyVersion | undefined> {
  const row = await db
    .selectFrom('policy_versions')
    .select(['id', 'valid_from', 'data'])
    .where('site_id', '=', siteId)
    .where('valid_from', '<=', at)
    .orderBy('valid_from', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? parse(row, siteId) : undefined;
}

/** Every version of the given sites, oldest first per site (for scoring many check-outs at once). */
export async function policyVersionsOf(
  db: Kysely<Database>,
  siteIds: readonly string[],
): Promise<Map<string, PolicyVersion[]>> {
  const out = new Map<string, PolicyVersion[]>();
  if (siteIds.length === 0) return out;
  const rows = await db
    .selectFrom('policy_versions')
    .select(['id', 'site_id', 'valid_from', 'data'])
    .where('site_id', 'in', [...new Set(siteIds)])
    .orderBy('site_id')
    .orderBy('valid_from')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = out.get(row.site_id) ?? [];
    list.push(parse(row, row.site_id));
    out.set(row.site_id, list);
  }
  return out;
}

/** The version in force at `at` from a list sorted oldest first. */
export function versionAt(versions: readonly PolicyVersion[] | undefined, at: number): PolicyVersion | undefined {
  let found: PolicyVersion | undefined;
  for (const v of versions ?? []) {
    if (v.validFrom > at) break;
    found = v;
  }
  return found;
}
