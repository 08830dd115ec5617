/**
 * One phone of a row (columns Phone n, country, type, mobile provider, SMS gateway), read with the
 * seed's rules: a number needs a two-letter country; digits with separators are accepted and
 * reported; a number Excel stored as a number is read back (restoring a dropped leading zero where
 * that is what makes it valid) or, when Excel kept only some digits (`4.47E+11`), refused with why.
 */
import { Phone, type PhoneType } from '../../../shared/domain/index.js';
import {
  PHONE_FIELDS,
  PHONE_SLOTS,
  phoneColumn,
  phoneTypeLabel,
  matchPhoneType,
  type ImportIssue,
  type ImportIssueCode,
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

/** Each slot's column names, made once (this runs for every phone cell of a 50k-row file). */
const COLUMNS = Array.from({ length: PHONE_SLOTS }, (_, i) =>
  Object.fromEntries(PHONE_FIELDS.map((f) => [f, phoneColumn((i + 1) as PhoneSlot, f)])),
) as Array<Record<PhoneField, ProfileColumn>>;

function report(
  issues: ImportIssue[],
  row: number,
  header: (column: ProfileColumn) => string | undefined,
  column: ProfileColumn,
  code: ImportIssueCode,
  params: Record<string, string | number>,
): void {
  issues.push(makeIssue(row, code, params, column, header(column)));
}

export function readPhoneSlot(
  slot: PhoneSlot,
  read: (column: ProfileColumn) => CellText,
  header: (column: ProfileColumn) => string | undefined,
  row: number,
  language: Locale,
  issues: ImportIssue[],
  normalize: NormalizePhone = normalizePhone,
): ImportedPhone | undefined {
  const cols = COLUMNS[slot - 1]!;
  const number = read(cols.number);
  const country = read(cols.country).text;
  const typeText = read(cols.type).text;
  const provider = read(cols.provider).text;
  const gateway = read(cols.smsGateway).text;

  if (!number.text) {
    if (country) report(issues, row, header, cols.country, 'country_without_phone', { value: country });
    if (typeText || provider || gateway) report(issues, row, header, cols.number, 'details_without_phone', {});
    return undefined;
  }
  const before = issues.length;
  const numeric = number.cell?.numeric;
  let digits = number.text;
  if (numeric !== undefined) {
    if (!Number.isInteger(numeric) || numeric <= 0 || numeric >= 1e15) {
      report(issues, row, header, cols.number, 'phone_scientific', {
        value: numeric.toPrecision(3).replace(/e\+?/, 'E+'),
      });
      return undefined;
    }
    digits = numeric.toFixed(0);
    if (lostDigits(digits)) {
      report(issues, row, header, cols.number, 'phone_scientific', {
        value: numeric.toPrecision(3).replace(/e\+?/, 'E+'),
      });
      return undefined;
    }
  } else if (SCIENTIFIC.test(digits)) {
    report(issues, row, header, cols.number, 'phone_scientific', { value: digits });
    return undefined;
  }

  const iso = supportedCountry(country);
  if (!country) report(issues, row, header, cols.country, 'country_required', { value: number.text });
  else if (!iso || country.length !== 2)
    report(issues, row, header, cols.country, 'country_invalid', { value: country });

  const type = typeText ? matchPhoneType(typeText) : provider || gateway ? 'mobile' : 'office';
  if (!type) {
    const allowed = (['mobile', 'office', 'home', 'other'] as const).map((t) => phoneTypeLabel(language, t)).join(', ');
    report(issues, row, header, cols.type, 'type_invalid', { value: typeText, allowed });
  }
  if (gateway && !gatewayOk(gateway))
    report(issues, row, header, cols.smsGateway, 'gateway_invalid', { value: gateway });
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
    report(issues, row, header, cols.number, 'phone_invalid', {
      value: number.text,
      country: iso,
      reason: parsed.message,
    });
    return undefined;
  }
  const stored = parsed.extension ? `${parsed.e164} ext ${parsed.extension}` : parsed.e164;
  if (restored)
    report(issues, row, header, cols.number, 'leading_zero_restored', { value: digits, normalised: stored });
  else if (numeric !== undefined)
    report(issues, row, header, cols.number, 'excel_number', { value: digits, normalised: stored });
  else if (SEPARATED.test(number.text))
    report(issues, row, header, cols.number, 'digits_normalised', { value: number.text, normalised: stored });
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
