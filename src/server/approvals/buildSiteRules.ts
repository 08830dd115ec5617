/**
 * The approvals engine's input (`SiteRules`, APPROVALS.md §6) for a stored site: country and RMM
 * opt-in from the site, policies and the Unlicensed Software list from its policy record, references
 * assigned to the site or to all sites (with their tags), and the site's profiles as `people`.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { SitePolicyRecord } from '../../shared/api/approvals.js';
import { SiteRules, type SiteRulesInput } from '../../shared/approvals/index.js';
import type { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import type { Database } from '../db/schema.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { PolicyStore } from './PolicyStore.js';

export interface StoredSiteRules {
  site: Site;
  rules: SiteRules;
}

/** Escapes LIKE wildcards (`\` is the escape character). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** References for the site or for all sites. A LIKE pre-filter keeps this to an indexed-kind scan of candidates only. */
export async function referencesForSite(db: Kysely<Database>, siteId: string): Promise<Reference[]> {
  const quoted = likeLiteral(JSON.stringify(siteId));
  const rows = await db
    .selectFrom('directory_records')
    .select('data')
    .where('kind', '=', 'reference')
    .where((eb) =>
      eb.or([eb('data', 'like', '%"allSites":true%'), sql<boolean>`data like ${`%${quoted}%`} escape '\\'`]),
    )
    .execute();
  return rows.map((r) => JSON.parse(r.data) as Reference).filter((r) => r.allSites || r.siteIds.includes(siteId));
}

export async function profilesOfSite(db: Kysely<Database>, siteId: string): Promise<ClientProfile[]> {
  const rows = await db
    .selectFrom('directory_records')
    .select('data')
    .where('kind', '=', 'profile')
    .where('site_id', '=', siteId)
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.data) as ClientProfile);
}

/**
 * The site and its engine rules, or undefined for an unknown site. `policyOverride` replaces the
 * stored policy (the review re-checks with the version in force at a record's time; null = none).
 */
export async function buildSiteRules(
  deps: { db: Kysely<Database>; directory: DirectoryStore; policies: PolicyStore },
  siteId: string,
  policyOverride?: { policy: SitePolicyRecord | null },
): Promise<StoredSiteRules | undefined> {
  const site = await deps.directory.get('site', siteId);
  if (!site) return undefined;
  const [policy, references, profiles] = await Promise.all([
    policyOverride ? (policyOverride.policy ?? undefined) : deps.policies.get(siteId),
    referencesForSite(deps.db, siteId),
    profilesOfSite(deps.db, siteId),
  ]);
  const input: SiteRulesInput = {
    siteId,
    country: site.country,
    rmmAgentOptIn: site.rmmAgentOptIn,
    policies: policy?.policies ?? {},
    unlicensedSoftware: policy?.unlicensedSoftware ?? [],
    references: references.map((r) => ({ id: r.id, tags: r.tags })),
    people: profiles.map((p) => ({ profileId: p.id, firstName: p.firstName, lastName: p.lastName, phones: p.phones })),
  };
  return { site, rules: SiteRules.parse(input) };
}
