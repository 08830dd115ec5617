/**
 * Says in words how a candidate was identified, as an i18n key plus values
 * ("Matched by the caller's mobile number +1 206 555 0101").
 */
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import type { Candidate } from '../../../shared/identify/types.js';
import { formatPhone, toE164 } from './formatPhone.js';

export interface MatchDescription {
  key: 'lookup.match.profilePhone' | 'lookup.match.profileEmail' | 'lookup.match.sitePhone' | 'lookup.match.siteDomain';
  values: Record<string, string>;
}

export function describeMatch(
  c: Candidate,
  site: Site | undefined,
  profile: ClientProfile | undefined,
): MatchDescription {
  switch (c.matched) {
    case 'profile_phone': {
      const phone = profile?.phones.find((p) => toE164(p.number, p.country ?? site?.country) === c.value);
      return {
        key: 'lookup.match.profilePhone',
        values: { phoneType: phone?.type ?? 'other', number: formatPhone(c.value) },
      };
    }
    case 'profile_email':
      return { key: 'lookup.match.profileEmail', values: { email: c.value } };
    case 'site_phone':
      return { key: 'lookup.match.sitePhone', values: { number: formatPhone(c.value) } };
    case 'site_domain':
      return { key: 'lookup.match.siteDomain', values: { domain: c.value } };
  }
}
