/**
 * A profile as the cells of one sheet row, in PROFILE_COLUMNS order: what export writes and what a
 * re-import reads back unchanged (a phone without a country gets the site's, as identification
 * reads it; types in the sheet's language; Y/N as the seed writes them).
 */
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import {
  PROFILE_COLUMNS,
  parsePhoneColumn,
  phoneTypeLabel,
  headerFor,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import type { Locale } from '../../../shared/i18n/locales.js';

const yn = (b: boolean) => (b ? 'Y' : 'N');

export function profileCell(
  profile: ClientProfile,
  site: Pick<Site, 'country'>,
  lang: Locale,
  column: ProfileColumn,
): string {
  const phone = parsePhoneColumn(column);
  if (phone) {
    const p = profile.phones[phone.slot - 1];
    if (!p) return '';
    switch (phone.field) {
      case 'number':
        return p.number;
      case 'country':
        return p.country ?? site.country;
      case 'type':
        return phoneTypeLabel(lang, p.type);
      case 'provider':
        return p.provider ?? '';
      case 'smsGateway':
        return p.smsGateway ?? '';
    }
  }
  switch (column) {
    case 'firstName':
      return profile.firstName;
    case 'lastName':
      return profile.lastName;
    case 'email':
      return profile.email ?? '';
    case 'thinClient':
      return yn(profile.thinClient);
    case 'title':
      return profile.title ?? '';
    case 'psaContact':
      return yn(profile.psaContact);
    case 'delete':
      return '';
    default:
      return profile.id;
  }
}

export const headerRow = (lang: Locale): string[] => PROFILE_COLUMNS.map((c) => headerFor(lang, c));

export const profileRow = (profile: ClientProfile, site: Pick<Site, 'country'>, lang: Locale): string[] =>
  PROFILE_COLUMNS.map((c) => profileCell(profile, site, lang, c));

/** People read the sheet by name: last name, first name, then id for a stable order. */
export function sortForSheet(profiles: readonly ClientProfile[]): ClientProfile[] {
  const key = (p: ClientProfile) => [p.lastName.toLowerCase(), p.firstName.toLowerCase(), p.id];
  return [...profiles].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
}
