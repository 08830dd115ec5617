/**
 * Duplicate detection before a client profile is saved: another profile of the same site with the
 * same email (case-insensitive) or the same phone number (compared in E.164, each number read with
 * its own country, else the site's), so "(206) 555-0100" and "+1 206 555 0100" are one number.
 */
import type { ClientProfile } from '../../../shared/domain/index.js';
import { normalizePhone } from '../../../shared/phone/normalizePhone.js';

export interface Duplicate {
  profile: ClientProfile;
  by: 'email' | 'phone';
  /** The email or number as the existing profile has it. */
  value: string;
}

type Draft = Pick<ClientProfile, 'id' | 'email' | 'phones'>;

function e164(number: string, country: string | undefined, siteCountry: string): string | undefined {
  const n = normalizePhone(number, country ?? siteCountry);
  return n.ok ? n.e164 : undefined;
}

export function findDuplicates(draft: Draft, others: readonly ClientProfile[], siteCountry: string): Duplicate[] {
  const email = draft.email?.trim().toLowerCase();
  const numbers = new Set(
    draft.phones.map((p) => e164(p.number, p.country, siteCountry)).filter((n): n is string => n !== undefined),
  );
  const found: Duplicate[] = [];
  for (const other of others) {
    if (other.id === draft.id) continue;
    if (email && other.email?.toLowerCase() === email) {
      found.push({ profile: other, by: 'email', value: other.email });
      continue;
    }
    const phone = other.phones.find((p) => {
      const n = e164(p.number, p.country, siteCountry);
      return n !== undefined && numbers.has(n);
    });
    if (phone) found.push({ profile: other, by: 'phone', value: phone.number });
  }
  return found;
}
