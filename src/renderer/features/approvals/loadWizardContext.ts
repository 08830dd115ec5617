/**
 * Everything the wizard needs about one call, read from the offline cache: the site, the identified
 * caller (if any), the engine's rules and the references tagged *Security-Related Requests*.
 */
import type { SiteRules } from '../../../shared/approvals/schemas.js';
import type { ClientProfile, Reference, Site } from '../../../shared/domain/index.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { referencesForSite, siteRulesFor } from './siteRulesFor.js';
import { getProfile } from '../../db/profileBundles.js';
import { getSite } from '../../db/siteChunks.js';

export const SECURITY_TAG = 'Security-Related Requests';

export interface WizardContext {
  site: Site;
  profile: ClientProfile | undefined;
  rules: SiteRules;
  hasPolicy: boolean;
  securityReferences: Reference[];
}

export async function loadWizardContext(
  db: CallsignDb,
  siteId: string,
  profileId?: string,
): Promise<WizardContext | null> {
  const [site, cached, profile, references] = await Promise.all([
    getSite(db, siteId),
    siteRulesFor(db, siteId, profileId),
    profileId ? getProfile(db, profileId, siteId) : Promise.resolve(undefined),
    referencesForSite(db, siteId),
  ]);
  if (!site || !cached) return null;
  const tag = SECURITY_TAG.toLowerCase();
  // Sorted where they are shown, in the app's language (SecurityReferences.tsx).
  const securityReferences = references.filter((r) => (r.tags ?? []).some((t) => t.toLowerCase() === tag));
  return { site, profile, rules: cached.rules, hasPolicy: cached.hasPolicy, securityReferences };
}
