/**
 * Turns an imported row into the profile to store. For an existing profile, a phone that means the
 * same as a stored one (same number once normalised, same country — a stored phone without a
 * country has the site's — type, provider and gateway) keeps the stored object exactly, so
 * re-importing an export changes nothing; phones beyond the sheet's four and the read-only PSA flag
 * are kept.
 */
import { canonicalJson } from '../../../shared/chain/canonicalJson.js';
import type { ClientProfile, Phone } from '../../../shared/domain/index.js';
import {
  PHONE_FIELDS,
  PHONE_SLOTS,
  phoneColumn,
  type PhoneSlot,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import { normalizePhone } from '../../../shared/phone/normalizePhone.js';
import type { NormalizePhone } from './phoneParses.js';
import type { ImportedPhone } from './readPhoneSlot.js';
import type { ImportedRow } from './readProfileRow.js';

/** A stored phone as the sheet would read it back: E.164 (+ ext) and its effective country. */
export function storedPhoneKey(phone: Phone, siteCountry: string, normalize: NormalizePhone = normalizePhone): string {
  const cached = keys.get(phone);
  if (cached?.siteCountry === siteCountry) return cached.key;
  const country = phone.country ?? siteCountry;
  const n = normalize(phone.number, country);
  const number = n.ok ? (n.extension ? `${n.e164} ext ${n.extension}` : n.e164) : phone.number;
  const key = [number, country, phone.type, phone.provider ?? '', phone.smsGateway ?? ''].join('\u0000');
  keys.set(phone, { siteCountry, key });
  return key;
}

/** Planning reads each stored phone's key up to three times; parsing a number costs ~30–100 µs. */
const keys = new WeakMap<Phone, { siteCountry: string; key: string }>();

export const importedPhoneKey = (p: ImportedPhone) =>
  [p.number, p.country, p.type, p.provider ?? '', p.smsGateway ?? ''].join('\u0000');

export function mergeProfile(
  row: ImportedRow,
  id: string,
  siteId: string,
  siteCountry: string,
  existing: ClientProfile | undefined,
  normalize: NormalizePhone = normalizePhone,
): ClientProfile {
  const stored = existing?.phones ?? [];
  const unused = new Map<string, Phone[]>();
  for (const p of stored.slice(0, PHONE_SLOTS)) {
    const key = storedPhoneKey(p, siteCountry, normalize);
    unused.set(key, [...(unused.get(key) ?? []), p]);
  }
  const phones: Phone[] = row.phones.map((p) => {
    const same = unused.get(importedPhoneKey(p))?.shift();
    if (same) return same;
    return {
      number: p.number,
      type: p.type,
      country: p.country,
      ...(p.provider ? { provider: p.provider } : {}),
      ...(p.smsGateway ? { smsGateway: p.smsGateway } : {}),
    };
  });
  phones.push(...stored.slice(PHONE_SLOTS));
  return {
    id,
    siteId,
    firstName: row.firstName,
    lastName: row.lastName,
    ...(row.email ? { email: row.email } : {}),
    phones,
    thinClient: row.thinClient,
    psaContact: existing?.psaContact ?? false,
    ...(row.title ? { title: row.title } : {}),
  };
}

/** The sheet columns whose value differs between two versions of a profile. */
export function changedColumns(before: ClientProfile, after: ClientProfile): ProfileColumn[] {
  const out: ProfileColumn[] = [];
  for (const k of ['firstName', 'lastName', 'email'] as const) if ((before[k] ?? '') !== (after[k] ?? '')) out.push(k);
  for (let i = 0; i < PHONE_SLOTS; i++) {
    const a = before.phones[i];
    const b = after.phones[i];
    for (const field of PHONE_FIELDS) {
      if (canonicalJson(a?.[field] ?? null) !== canonicalJson(b?.[field] ?? null))
        out.push(phoneColumn((i + 1) as PhoneSlot, field));
    }
  }
  if (before.thinClient !== after.thinClient) out.push('thinClient');
  if ((before.title ?? '') !== (after.title ?? '')) out.push('title');
  return out;
}
