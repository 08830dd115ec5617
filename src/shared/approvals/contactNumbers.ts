/**
 * Turning a contact's phones into the E.164 numbers a Decision carries. A phone is read with its own
 * `country`, else the site's. A number that cannot be normalised is skipped (and reported) rather
 * than failing the whole decision: the next number in the list is used instead **(choice)**.
 */
import { normalizePhone } from '../phone/normalizePhone.js';
import { reason, type Reason } from './reasons.js';
import type { ApprovalPhone } from './schemas.js';

export interface ContactNumbers {
  /** Valid numbers in list order, E.164, without repeats. */
  dialable: { e164: string; extension?: string }[];
  /** The first `mobile` phone with an SMS gateway and a valid number: where an SMS code goes. */
  sms?: string;
  /** Numbers that were skipped, and why. */
  skipped: Reason[];
}

export function contactNumbers(owner: string, phones: readonly ApprovalPhone[], siteCountry?: string): ContactNumbers {
  const result: ContactNumbers = { dialable: [], skipped: [] };
  for (const phone of phones) {
    const parsed = normalizePhone(phone.number, phone.country ?? siteCountry);
    if (!parsed.ok) {
      result.skipped.push(
        reason('number_skipped', { owner, number: phone.number, problem: parsed.code, message: parsed.message }),
      );
      continue;
    }
    if (!result.dialable.some((d) => d.e164 === parsed.e164)) {
      result.dialable.push(
        parsed.extension ? { e164: parsed.e164, extension: parsed.extension } : { e164: parsed.e164 },
      );
    }
    if (!result.sms && phone.type === 'mobile' && phone.smsGateway) result.sms = parsed.e164;
  }
  return result;
}

/** "+12065550100 (ext. 12)": E.164 has no extension, so reasons carry it for the technician. */
export function describeNumber(n: { e164: string; extension?: string }): string {
  return n.extension ? `${n.e164} (ext. ${n.extension})` : n.e164;
}
