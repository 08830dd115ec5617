/**
 * The phone match keys of one directory record: the only implementation, used by the caller index,
 * the type-ahead's phone digits and the sync worker, which works them out off the renderer's main
 * thread for every record of a sync page (issue 12) so the main thread only inserts them.
 *
 * A profile phone without a country of its own, written nationally, is read with the profile's site's
 * country; keys worked out elsewhere say which country that was (`readWith`), and a receiver only uses
 * them when its own site country is the same (`fittingKeys`): otherwise it reads the numbers itself.
 */
import { phoneMatchKey } from '../phone/phoneMatchKey.js';
import type { IndexProfile, IndexSite } from './types.js';

/** Keys worked out for one record: `phones[i]` is the key of its i-th number ('' when it has none). */
export interface RecordKeys {
  phones: string[];
  /** The site country national numbers without a country were read with (absent: none, or unknown). */
  readWith?: string;
}

/** A national number without its own country: its key depends on the site's country. */
export const readsWithSiteCountry = (phone: { number: string; country?: string | undefined }) =>
  !phone.country && !phone.number.trimStart().startsWith('+');

/** A record's keys without '' (a number without one) and without repeats, in order: what the index stores. */
export function distinctKeys(keys: readonly string[]): string[] {
  const out: string[] = [];
  for (const key of keys) if (key && !out.includes(key)) out.push(key);
  return out;
}

export function sitePhoneKeys(site: Pick<IndexSite, 'mainPhones' | 'country'>): RecordKeys {
  return { phones: site.mainPhones.map((n) => phoneMatchKey(n, site.country) ?? '') };
}

export function profilePhoneKeys(profile: Pick<IndexProfile, 'phones'>, siteCountry: string | undefined): RecordKeys {
  const phones = profile.phones.map((p) => phoneMatchKey(p.number, p.country ?? siteCountry) ?? '');
  return profile.phones.some(readsWithSiteCountry) && siteCountry !== undefined
    ? { phones, readWith: siteCountry }
    : { phones };
}

/**
 * `given` when it describes this profile's numbers read with `siteCountry`, else its keys worked out now.
 * Keys are only ever used for the record they were worked out for (same number of phones is checked
 * as a guard; the sender pairs them with the record).
 */
export function fittingKeys(
  profile: Pick<IndexProfile, 'phones'>,
  siteCountry: string | undefined,
  given: RecordKeys | undefined,
): string[] {
  const fits =
    given !== undefined &&
    given.phones.length === profile.phones.length &&
    (given.readWith === siteCountry || !profile.phones.some(readsWithSiteCountry));
  return fits ? given.phones : profilePhoneKeys(profile, siteCountry).phones;
}

/** Site keys when given for this record, else worked out now. */
export function fittingSiteKeys(site: Pick<IndexSite, 'mainPhones' | 'country'>, given: RecordKeys | undefined) {
  return given !== undefined && given.phones.length === site.mainPhones.length
    ? given.phones
    : sitePhoneKeys(site).phones;
}
