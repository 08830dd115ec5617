/**
 * One phone of a row (columns Phone n, country, type, mobile provider, SMS gateway), read with the
 * seed's rules: a number needs a two-letter country; digits with separators are accepted and
 * reported; a number Excel stored as a number is read back (restoring a dropped leading zero where
 * that is what makes it valid) or, when Excel kept only some digits (`4.47E+11`), refused with why.
 */
import { Phone, type PhoneType } from '../../../shared/domain/index.js';
import {
  phoneColumn,
  phoneTypeLabel,
  matchPhoneType,
  type ImportIssue,
  type PhoneField,
  type PhoneSlot,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { normalizePhone, supportedCountry } from '../../../shared/phone/normalizePhone.js';
import type { NormalizePhone } from './phoneParses.js';
import { makeIssue } from './importIssues.js';
import type { CellText } from './cellText.js';

export interface ImportedPhone {
  slot: PhoneSlot;
  /** E.164, with " ext N" when the cell had an extension: what a new profile stores. */
  number: string;
  country: string;
  type: PhoneType;
  provider?: string;
  smsGateway?: string;
}

/**
 * A long number that ends in five or more zeros after at most six other digits is what Excel keeps
 * of a number it showed as "4.47123E+11" before the file was saved: the real digits are gone.
 */
function lostDigits(digits: string): boolean {
  const significant = digits.replace(/0+$/, '');
  return digits.length >= 9 && digits.length - significant.length >= 5 && significant.length <= 6;
}

const SCIENTIFIC = /^[+]?\d+(?:[.,]\d+)?e\+?\d+$/i;
const SEPARATED = /[^\d+]|(?!^)\+/;
const gatewayOk = (text: string) => Phone.shape.smsGateway.safeParse(text).success;

export function readPhoneSlot(
  slot: PhoneSlot,
  read: (column: ProfileColumn) => CellText,
  header: (column: ProfileColumn) => string | undefined,
  row: number,
  language: Locale,
  issues: ImportIssue[],
  normalize: NormalizePhone = normalizePhone,
): ImportedPhone | undefined {
  const col = (field: PhoneField) => phoneColumn(slot, field);
  const issue = (field: PhoneField, code: Parameters<typeof makeIssue>[1], params: Record<string, string | number>) =>
    issues.push(makeIssue(row, code, params, col(field), header(col(field))));
  const number = read(col('number'));
  const country = read(col('country')).text;
  const typeText = read(col('type')).text;
  const provider = read(col('provider')).text;
  const gateway = read(col('smsGateway')).text;

  if (!number.text) {
    if (country) issue('country', 'country_without_phone', { value: country });
    if (typeText || provider || gateway) issue('number', 'details_without_phone', {});
    return undefined;
  }
  const before = issues.length;
  const numeric = number.cell?.numeric;
  let digits = number.text;
  if (numeric !== undefined) {
    if (!Number.isInteger(numeric) || numeric <= 0 || numeric >= 1e15) {
      issue('number', 'phone_scientific', { value: numeric.toPrecision(3).replace(/e\+?/, 'E+') });
      return undefined;
    }
    digits = numeric.toFixed(0);
    if (lostDigits(digits)) {
      issue('number', 'phone_scientific', { value: numeric.toPrecision(3).replace(/e\+?/, 'E+') });
      return undefined;
    }
  } else if (SCIENTIFIC.test(digits)) {
    issue('number', 'phone_scientific', { value: digits });
    return undefined;
  }

  const iso = supportedCountry(country);
  if (!country) issue('country', 'country_required', { value: number.text });
  else if (!iso || country.length !== 2) issue('country', 'country_invalid', { value: country });

  const type = typeText ? matchPhoneType(typeText) : provider || gateway ? 'mobile' : 'office';
  if (!type) {
    const allowed = (['mobile', 'office', 'home', 'other'] as const).map((t) => phoneTypeLabel(language, t)).join(', ');
    issue('type', 'type_invalid', { value: typeText, allowed });
  }
  if (gateway && !gatewayOk(gateway)) issue('smsGateway', 'gateway_invalid', { value: gateway });
  if (!iso) return undefined;

  let parsed = normalize(digits, iso);
  let restored = false;
  // Excel drops a leading zero, or the "+" of an international number, whether it then saves .xlsx
  // (a number) or CSV (bare digits).
  if (!parsed.ok && (numeric !== undefined || /^\d+$/.test(digits))) {
    const withZero = normalize(`0${digits}`, iso);
    const withPlus = normalize(`+${digits}`, iso);
    if (withZero.ok) [parsed, restored] = [withZero, true];
    else if (withPlus.ok) [parsed, restored] = [withPlus, true];
  }
  if (!parsed.ok) {
    issue('number', 'phone_invalid', { value: number.text, country: iso, reason: parsed.message });
    return undefined;
  }
  const stored = parsed.extension ? `${parsed.e164} ext ${parsed.extension}` : parsed.e164;
  if (restored) issue('number', 'leading_zero_restored', { value: digits, normalised: stored });
  else if (numeric !== undefined) issue('number', 'excel_number', { value: digits, normalised: stored });
  else if (SEPARATED.test(number.text))
    issue('number', 'digits_normalised', { value: number.text, normalised: stored });
  if (!type || issues.slice(before).some((i) => i.severity === 'error')) return undefined;
  return {
    slot,
    number: stored,
    country: iso,
    type,
    ...(provider ? { provider } : {}),
    ...(gateway ? { smsGateway: gateway } : {}),
  };
}
