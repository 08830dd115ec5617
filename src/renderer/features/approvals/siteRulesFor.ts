/**
 * Builds the approvals engine's `SiteRules` (APPROVALS.md §6) from the offline cache only, so the
 * wizard decides the same way with or without a connection: the site (country, RMM opt-in), its
 * synced policy record (category policies, Unlicensed Software list), the references assigned to the
 * site or to all sites (id + tags, e.g. `rmm-preapproved`) and the site's people with their phones.
 */
import { SiteRules } from '../../../shared/approvals/schemas.js';
import type { ClientProfile } from '../../../shared/domain/index.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { getProfile, profilesOfSite } from '../../db/profileBundles.js';
import { referencesForSite } from '../../db/referenceChunks.js';
import { getSite } from '../../db/siteChunks.js';

/** References assigned to the site or to all sites (from the cache's reference chunks). */
export { referencesForSite };

function person(p: ClientProfile) {
  return {
    profileId: p.id,
    firstName: p.firstName,
    lastName: p.lastName,
    phones: p.phones.map((ph) => ({
      number: ph.number,
      type: ph.type,
      country: ph.country,
      provider: ph.provider,
      smsGateway: ph.smsGateway,
    })),
  };
}

export interface CachedSiteRules {
  rules: SiteRules;
  /** False when no policy record has been synced for the site (every request then escalates). */
  hasPolicy: boolean;
}

/** Null when the site is not in the cache. */
export async function siteRulesFor(
  db: CallsignDb,
  siteId: string,
  callerProfileId?: string,
): Promise<CachedSiteRules | null> {
  const site = await getSite(db, siteId);
  if (!site) return null;
  const [policy, references, profiles, caller] = await Promise.all([
    db.policies.get(siteId),
    referencesForSite(db, siteId),
    profilesOfSite(db, siteId),
    callerProfileId ? getProfile(db, callerProfileId, siteId) : Promise.resolve(undefined),
  ]);
  // A caller identified at another site of the same company still needs their phones for SMS auth.
  if (caller && !profiles.some((p) => p.id === caller.id)) profiles.push(caller);
  const rules = SiteRules.parse({
    siteId,
    country: site.country,
    rmmAgentOptIn: site.rmmAgentOptIn ?? false,
    policies: policy?.policies ?? {},
    unlicensedSoftware: policy?.unlicensedSoftware ?? [],
    references: references.map((r) => ({ id: r.id, tags: r.tags ?? [] })),
    people: profiles.map(person),
  });
  return { rules, hasPolicy: policy !== undefined };
}
