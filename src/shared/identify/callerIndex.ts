/**
 * The in-memory caller index: E.164 numbers, email addresses and email domains → sites and profiles,
 * kept in step with delta sync by upsert/remove. Everything lives in Maps for the lifetime of the
 * index (a renderer session); nothing is persisted, it is rebuilt from the cached directory.
 *
 * The index is a pure function of the records currently in it, whatever the order they arrived in:
 *   - an update first removes every key the old version produced (old numbers/domains stop matching);
 *   - a profile phone without its own country is read with the profile's site's country, and the site
 *     may arrive after the profile (sync pages are not ordered by kind), change country, or go away,
 *     so such profiles are tracked per site and re-keyed when their site's country comes or changes.
 * Records are held by reference: treat them as immutable once upserted (pass a new object to change).
 */
import { normalizeEmail } from './parseEmail.js';
import { Postings } from './postings.js';
import { isPublicDomain } from './publicDomains.js';
import { distinctKeys, fittingKeys, fittingSiteKeys, readsWithSiteCountry, type RecordKeys } from './recordKeys.js';
import type { Candidate, CallerIndex, IndexProfile, IndexSite, KeyMaps, PhoneKeys, SnapshotLines } from './types.js';

interface SiteEntry {
  site: IndexSite;
  phones: string[];
  domain?: string;
}

interface ProfileEntry {
  profile: IndexProfile;
  phones: string[];
  email?: string;
}

/** The domain a site is identified by, or undefined when it must never be matched by domain. */
function siteDomain(site: IndexSite): string | undefined {
  if (site.noClientEmailDomain || !site.emailDomain) return undefined;
  const domain = site.emailDomain.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  // A site misconfigured with gmail.com would otherwise claim every Gmail caller.
  return domain && !isPublicDomain(domain) ? domain : undefined;
}

function countOf(text: string, char: string): number {
  let n = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) n++;
  return n;
}

/** ids[i] → keys[i] split back into lists; an id is used once (a later upsert of it parses again). */
function unpack(ids: readonly string[], keys: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, keys[i] ? keys[i]!.split(' ') : []);
  return out;
}

/**
 * The site owning `domain` or its nearest parent (mail.eu.acme.com → mail.eu.acme.com, eu.acme.com,
 * acme.com: the most specific registered domain wins); public mail domains never match.
 */
function domainCandidates(domain: string, sitesOf: (domain: string) => readonly string[]): Candidate[] {
  if (isPublicDomain(domain)) return [];
  const labels = domain.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const siteIds = sitesOf(suffix);
    if (siteIds.length > 0)
      return siteIds.map((siteId) => ({
        siteId,
        matched: 'site_domain' as const,
        confidence: 1 as const,
        value: suffix,
      }));
  }
  return [];
}

/** The country with the most sites (the default desk country); a tie goes to the first code, whatever the history. */
function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let most = 0;
  for (const [country, count] of counts)
    if (count > most || (count === most && best !== undefined && country < best)) [best, most] = [country, count];
  return best;
}

/** Countries, most sites first (ties by code). */
function byCount(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

class MemoryCallerIndex implements CallerIndex {
  private readonly precomputedSites: Map<string, string[]>;
  private readonly precomputedProfiles: Map<string, string[]>;
  private readonly sites = new Map<string, SiteEntry>();
  private readonly profiles = new Map<string, ProfileEntry>();
  private readonly profilePhones = new Postings();
  private readonly sitePhones = new Postings();
  private readonly profileEmails = new Postings();
  private readonly siteDomains = new Postings();
  /** siteId → profiles with a phone that has no country of its own (read with the site's country). */
  private readonly usesSiteCountry = new Map<string, Set<string>>();
  private readonly siteCountries = new Map<string, number>();
  /** `countries`, sorted; dropped whenever siteCountries changes. */
  private countryOrder: string[] | undefined;

  constructor(precomputed?: PhoneKeys | KeyMaps) {
    if (precomputed && 'profiles' in precomputed) {
      this.precomputedSites = precomputed.sites;
      this.precomputedProfiles = precomputed.profiles;
      return;
    }
    this.precomputedSites = precomputed ? unpack(precomputed.siteIds, precomputed.siteKeys) : new Map();
    this.precomputedProfiles = precomputed ? unpack(precomputed.profileIds, precomputed.profileKeys) : new Map();
  }

  upsertSite(site: IndexSite, keys?: RecordKeys): void {
    const before = this.sites.get(site.id);
    if (before) this.unindexSite(before);
    let phones = this.precomputedSites.get(site.id);
    if (phones) this.precomputedSites.delete(site.id);
    else phones = distinctKeys(fittingSiteKeys(site, keys));
    const entry: SiteEntry = { site, phones, domain: siteDomain(site) };
    this.sites.set(site.id, entry);
    for (const key of entry.phones) this.sitePhones.add(key, site.id);
    if (entry.domain) this.siteDomains.add(entry.domain, site.id);
    this.siteCountries.set(site.country, (this.siteCountries.get(site.country) ?? 0) + 1);
    this.countryOrder = undefined;
    if (before?.site.country !== site.country) this.rekeyProfilesOf(site.id);
  }

  removeSite(id: string): void {
    const before = this.sites.get(id);
    if (!before) return;
    this.unindexSite(before);
    this.sites.delete(id);
    this.rekeyProfilesOf(id);
  }

  upsertProfile(profile: IndexProfile, keys?: RecordKeys): void {
    const before = this.profiles.get(profile.id);
    if (before) this.unindexProfile(before);
    this.indexProfile(profile, keys);
  }

  removeProfile(id: string): void {
    const before = this.profiles.get(id);
    if (!before) return;
    this.unindexProfile(before);
    this.profiles.delete(id);
  }

  clear(): void {
    for (const map of [this.sites, this.profiles, this.usesSiteCountry, this.siteCountries]) map.clear();
    this.countryOrder = undefined;
    this.precomputedSites.clear();
    this.precomputedProfiles.clear();
    for (const postings of [this.profilePhones, this.sitePhones, this.profileEmails, this.siteDomains])
      postings.clear();
  }

  candidatesForPhone(e164: string): Candidate[] {
    const out: Candidate[] = [];
    for (const profileId of this.profilePhones.get(e164)) {
      const profile = this.profiles.get(profileId)!.profile;
      out.push({ siteId: profile.siteId, profileId, matched: 'profile_phone', confidence: 3, value: e164 });
    }
    for (const siteId of this.sitePhones.get(e164))
      out.push({ siteId, matched: 'site_phone', confidence: 2, value: e164 });
    return out;
  }

  candidatesForEmail(address: string, domain: string): Candidate[] {
    const people = this.profileEmails.get(address);
    if (people.length > 0) {
      return people.map((profileId) => ({
        siteId: this.profiles.get(profileId)!.profile.siteId,
        profileId,
        matched: 'profile_email' as const,
        confidence: 3 as const,
        value: address,
      }));
    }
    return domainCandidates(domain, (suffix) => this.siteDomains.get(suffix));
  }

  get defaultCountry(): string | undefined {
    return mostCommon(this.siteCountries);
  }

  get countries(): readonly string[] {
    // Queried per keystroke, changed only by site writes: sorted once per change.
    if (this.countryOrder === undefined) this.countryOrder = byCount(this.siteCountries);
    return this.countryOrder;
  }

  get stats(): { sites: number; profiles: number; phones: number } {
    return {
      sites: this.sites.size,
      profiles: this.profiles.size,
      phones: this.profilePhones.size + this.sitePhones.size,
    };
  }

  snapshotLines(): SnapshotLines | undefined {
    const sites: string[] = [];
    const profiles: string[] = [];
    for (const [id, e] of this.sites) sites.push(`${id}\t${e.phones.join(' ')}`);
    for (const [id, e] of this.profiles)
      profiles.push(`${id}\t${e.profile.siteId}\t${e.email ?? ''}\t${e.phones.join(' ')}`);
    const lines = { sites: sites.join('\n'), profiles: profiles.join('\n') };
    // Each line must have exactly its tabs, and each record one line: else a field held a separator.
    const fits = (text: string, n: number, tabs: number) =>
      countOf(text, '\n') === Math.max(0, n - 1) && countOf(text, '\t') === n * tabs;
    return fits(lines.sites, sites.length, 1) && fits(lines.profiles, profiles.length, 3) ? lines : undefined;
  }

  phoneKeys(): PhoneKeys {
    const out: PhoneKeys = { siteIds: [], siteKeys: [], profileIds: [], profileKeys: [] };
    for (const [id, e] of this.sites) {
      out.siteIds.push(id);
      out.siteKeys.push(e.phones.join(' '));
    }
    for (const [id, e] of this.profiles) {
      out.profileIds.push(id);
      out.profileKeys.push(e.phones.join(' '));
    }
    return out;
  }

  private indexProfile(profile: IndexProfile, given?: RecordKeys): void {
    const siteCountry = this.sites.get(profile.siteId)?.site.country;
    // Keys restored from a snapshot stand for this exact record (a re-key after a site change parses).
    const restored = this.precomputedProfiles.get(profile.id);
    if (restored) this.precomputedProfiles.delete(profile.id);
    const phones = restored ?? distinctKeys(fittingKeys(profile, siteCountry, given));
    const dependsOnSite = profile.phones.some(readsWithSiteCountry);
    const entry: ProfileEntry = { profile, phones, email: profile.email ? normalizeEmail(profile.email) : undefined };
    this.profiles.set(profile.id, entry);
    for (const key of entry.phones) this.profilePhones.add(key, profile.id);
    if (entry.email) this.profileEmails.add(entry.email, profile.id);
    if (dependsOnSite) {
      let dependents = this.usesSiteCountry.get(profile.siteId);
      if (!dependents) this.usesSiteCountry.set(profile.siteId, (dependents = new Set()));
      dependents.add(profile.id);
    }
  }

  private unindexProfile(entry: ProfileEntry): void {
    const { id, siteId } = entry.profile;
    for (const key of entry.phones) this.profilePhones.remove(key, id);
    if (entry.email) this.profileEmails.remove(entry.email, id);
    const dependents = this.usesSiteCountry.get(siteId);
    if (dependents?.delete(id) && dependents.size === 0) this.usesSiteCountry.delete(siteId);
  }

  private unindexSite(entry: SiteEntry): void {
    const { id, country } = entry.site;
    for (const key of entry.phones) this.sitePhones.remove(key, id);
    if (entry.domain) this.siteDomains.remove(entry.domain, id);
    const count = (this.siteCountries.get(country) ?? 1) - 1;
    if (count > 0) this.siteCountries.set(country, count);
    else this.siteCountries.delete(country);
    this.countryOrder = undefined;
  }

  private rekeyProfilesOf(siteId: string): void {
    const dependents = this.usesSiteCountry.get(siteId);
    if (!dependents) return;
    for (const profileId of [...dependents]) {
      const entry = this.profiles.get(profileId)!;
      this.unindexProfile(entry);
      this.indexProfile(entry.profile);
    }
  }
}

/**
 * An empty caller index; fill it with upsertSite/upsertProfile as the directory loads and syncs.
 * `precomputed` (from `phoneKeys()` of an index over exactly the same records) skips phone parsing.
 */
export function createCallerIndex(precomputed?: PhoneKeys | KeyMaps): CallerIndex {
  return new MemoryCallerIndex(precomputed);
}
