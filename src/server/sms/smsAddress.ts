/**
 * Where an SMS code goes: the first `mobile` phone with an SMS gateway whose number normalises
 * (APPROVALS.md §3, the same phone the engine plans for), the email-to-SMS address for it, and the
 * masked form shown to the technician.
 */
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { ApprovalPhone } from '../../shared/approvals/index.js';
import { normalizePhone } from '../../shared/phone/normalizePhone.js';

export interface SmsTarget {
  /** E.164. */
  number: string;
  /** Gateway domain without "@", e.g. "txt.att.com". */
  gateway: string;
}

type PhoneLike = Pick<ApprovalPhone, 'number' | 'type' | 'country' | 'smsGateway'>;

const GATEWAY = /^@?([a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,})$/i;

/** "@txt.att.com" or "txt.att.com" → "txt.att.com"; undefined when it is not a domain. */
export function gatewayDomain(gateway: string | undefined): string | undefined {
  const m = gateway ? GATEWAY.exec(gateway.trim()) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The first SMS-capable phone (mobile, with a valid gateway and a valid number), or undefined. */
export function firstSmsPhone(phones: readonly PhoneLike[], siteCountry?: string): SmsTarget | undefined {
  for (const phone of phones) {
    if (phone.type !== 'mobile') continue;
    const gateway = gatewayDomain(phone.smsGateway);
    const parsed = normalizePhone(phone.number, phone.country ?? siteCountry);
    if (gateway && parsed.ok) return { number: parsed.e164, gateway };
  }
  return undefined;
}

/** `2065550101@txt.att.com`: the national digits of the number at the gateway. */
export function gatewayAddress(target: SmsTarget): string {
  return `${parsePhoneNumberWithError(target.number).nationalNumber}@${target.gateway}`;
}

/** `+1 ••• ••• 0101`: enough for the caller to recognise their phone, not enough to dial it. */
export function maskNumber(e164: string): string {
  const cc = parsePhoneNumberWithError(e164).countryCallingCode;
  return `+${cc} ••• ••• ${e164.slice(-4)}`;
}
