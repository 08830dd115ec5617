/**
 * A deterministic spread of real phones, emails, domains and names from the in-memory directory,
 * for the benches (bench/lookup.ts queries with them) and diagnostics.
 */
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import type { CallerLookup } from '../../../shared/identify/types.js';
import { phoneMatchKey } from '../../../shared/phone/phoneMatchKey.js';

export interface DirectorySample {
  phones: string[];
  emails: string[];
  domains: string[];
  names: string[];
  /** Site names (the Sites page filter's bench). */
  siteNames: string[];
  /** Numbers that reach more than one site (a shared switchboard): the ambiguous answers. */
  shared: string[];
}

export function sampleDirectory(
  directory: { sites: Map<string, Site>; profiles: Map<string, ClientProfile>; index: CallerLookup },
  n: number,
): DirectorySample {
  const profiles = [...directory.profiles.values()];
  const sites = [...directory.sites.values()];
  const step = Math.max(1, Math.floor(profiles.length / Math.max(1, n)));
  const phones: string[] = [];
  const emails: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < profiles.length && phones.length < n; i += step) {
    const p = profiles[i]!;
    const phone = p.phones[0];
    const key = phone && phoneMatchKey(phone.number, phone.country ?? directory.sites.get(p.siteId)?.country);
    if (key) phones.push(key);
    if (p.email) emails.push(p.email);
    names.push(`${p.firstName} ${p.lastName}`);
  }
  const domains = sites
    .filter((s) => s.emailDomain)
    .map((s) => `someone@${s.emailDomain}`)
    .slice(0, n);
  const shared: string[] = [];
  for (const s of sites) {
    if (shared.length >= n) break;
    for (const number of s.mainPhones) {
      const key = phoneMatchKey(number, s.country);
      if (key && new Set(directory.index.candidatesForPhone(key).map((c) => c.siteId)).size > 1) shared.push(key);
    }
  }
  const siteNames = sites.slice(0, n).map((s) => s.name);
  return { phones, emails, domains, names, shared, siteNames };
}
