/**
 * The key a stored directory number is indexed under: the E.164 string `normalizePhone` would give
 * for the same text, so a lookup is one Map read. Building the caller index means keying ~250k numbers,
 * and libphonenumber-js costs 20–60 µs per parse (5–15 s in all), so the common shapes are keyed
 * here directly in well under a microsecond:
 *   - international `+<cc><national>` where the national part does not start with anything the
 *     country's plan could strip (national prefix, carrier code), and has a possible length;
 *   - national digits for a known country, with at most its plain national prefix ("0", "1") in
 *     front, when the result has a possible length and stripping is unambiguous (the same rules
 *     libphonenumber applies: helpers/extractNationalNumber.js and
 *     extractCountryCallingCodeFromInternationalNumberWithoutPlusSign.js in its source).
 * Everything else (IDD prefixes, numbers that start with the country code, transform rules, odd
 * lengths) goes through `normalizePhone` itself. phoneMatchKey.test.ts checks with fast-check that the
 * fast path always agrees with libphonenumber.
 *
 * Unlike `normalizePhone`, keys are not checked for validity: libphonenumber's metadata lags new
 * number ranges, so a stored number that is possible (the right length) but not valid is keyed too,
 * and a query with the same digits matches it (identifyCaller ranks it below valid matches).
 */
import { Metadata } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/max/metadata';
import { getCountries, getCountryCallingCode, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { cleanPhoneText, plainDigits } from './cleanPhoneText.js';
import { E164, normalizePhone, supportedCountry } from './normalizePhone.js';

/** The parts of libphonenumber's runtime NumberingPlan we read (present but untyped in its d.ts). */
interface Plan {
  nationalPrefix(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  IDDPrefix(): string;
}

interface Rules {
  callingCode: string;
  /** Matches a strippable prefix at the start of a national number. */
  strip?: RegExp;
  plainPrefix?: string;
  transform: boolean;
  lengths: Set<number>;
  /** Lengths possible in every country sharing the calling code (libphonenumber checks a stripped
   * number against the country it guesses from the digits, which may not be this one). */
  sharedLengths: Set<number>;
  maxLength: number;
  /** Lengths possible in any country sharing the calling code. */
  anyLengths: Set<number>;
  nationalPattern: RegExp;
  idd: RegExp;
}

let byCountry: Map<string, Rules> | undefined;
let byCallingCode: Map<string, Rules> | undefined;

/** Reads the numbering plans once; returns false (slow path only) if libphonenumber's internals moved. */
function load(): boolean {
  if (byCountry) return byCountry.size > 0;
  byCountry = new Map();
  byCallingCode = new Map();
  try {
    // (`Metadata` from 'libphonenumber-js/max' cannot be constructed in 1.13; core's takes the same JSON.)
    const metadata = new Metadata(metadataJson) as unknown as {
      selectNumberingPlan(c: string): void;
      numberingPlan?: Plan;
    };
    const rulesFor = (selector: string, callingCode: string): Rules => {
      metadata.selectNumberingPlan(selector);
      const plan = metadata.numberingPlan!;
      const npfp = plan.nationalPrefixForParsing();
      return {
        callingCode,
        strip: npfp ? new RegExp(`^(?:${npfp})`) : undefined,
        plainPrefix: plan.nationalPrefix() || undefined,
        transform: Boolean(plan.nationalPrefixTransformRule()),
        lengths: new Set(plan.possibleLengths() ?? []),
        sharedLengths: new Set(),
        anyLengths: new Set(),
        maxLength: Math.max(0, ...(plan.possibleLengths() ?? [])),
        nationalPattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
        idd: new RegExp(`^(?:${plan.IDDPrefix()})`),
      };
    };
    for (const country of getCountries()) {
      const callingCode = getCountryCallingCode(country);
      byCountry.set(country, rulesFor(country, callingCode));
      // For an international number libphonenumber uses the calling code's main country's plan.
      if (!byCallingCode.has(callingCode)) byCallingCode.set(callingCode, rulesFor(callingCode, callingCode));
    }
    for (const rules of byCountry.values()) {
      const group = [...byCountry.values()].filter((r) => r.callingCode === rules.callingCode);
      for (const length of rules.lengths)
        if (group.every((r) => r.lengths.has(length))) rules.sharedLengths.add(length);
      for (const r of group) for (const length of r.lengths) rules.anyLengths.add(length);
    }
  } catch {
    byCountry.clear();
    byCallingCode.clear();
  }
  return byCountry.size > 0;
}

function international(main: string): string | undefined {
  for (let n = 2; n <= 4; n++) {
    const rules = byCallingCode!.get(main.slice(1, n));
    if (!rules) continue;
    const national = main.slice(n);
    const stripped = rules.strip?.exec(national);
    if ((stripped && stripped[0].length > 0) || !rules.lengths.has(national.length)) return undefined;
    return main;
  }
  return undefined; // non-geographic (+800, +881…) or unknown: slow path
}

/** libphonenumber's national-prefix stripping, or undefined when it depends on more than we check. */
function stripNational(digits: string, rules: Rules): string | undefined {
  const stripped = rules.strip?.exec(digits);
  if (!stripped || stripped[0].length === 0) return digits;
  // A carrier code or a transform rule (AR, BR, MX…) makes stripping depend on more than the prefix.
  if (rules.transform || stripped.slice(1).some((g) => g !== undefined) || stripped[0] !== rules.plainPrefix)
    return undefined;
  const rest = digits.slice(stripped[0].length);
  // libphonenumber keeps the prefix when the whole number is viable and the rest is not.
  if (
    !rules.sharedLengths.has(rest.length) ||
    (rules.nationalPattern.test(digits) && !rules.nationalPattern.test(rest))
  )
    return undefined;
  return rest;
}

function national(digits: string, country: string): string | undefined {
  const rules = byCountry!.get(country);
  // International prefixes: the country's own, "00" and NANP "011" (normalizePhone tries those too).
  if (!rules || /^0(?:0|11)/.test(digits) || rules.idd.test(digits)) return undefined;
  const nationalNumber = stripNational(digits, rules);
  if (nationalNumber === undefined || !rules.lengths.has(nationalNumber.length)) return undefined;
  if (digits.startsWith(rules.callingCode)) {
    // "44 20 7946 0958" typed without "+": libphonenumber drops the country code when the number
    // only makes sense without it (or is too long with it); leave those to it.
    const shorter = stripNational(digits.slice(rules.callingCode.length), rules);
    if (
      shorter === undefined ||
      (!rules.nationalPattern.test(nationalNumber) && rules.nationalPattern.test(shorter)) ||
      nationalNumber.length > rules.maxLength
    )
      return undefined;
  }
  return `+${rules.callingCode}${nationalNumber}`;
}

/** The fast path alone (exported for the equivalence test): a key, or undefined for "ask libphonenumber". */
export function fastPhoneKey(main: string, country: string | undefined): string | undefined {
  if (!load()) return undefined;
  if (main.startsWith('+')) return international(main);
  // byCountry holds exactly libphonenumber's supported countries (upper case).
  return country ? national(main, country.length === 2 ? country.toUpperCase() : '') : undefined;
}

/**
 * True when national digits `main` certainly have no possible reading in `country`, decided without
 * libphonenumber: neither the digits nor the digits minus the plain national prefix have a length
 * any country of the calling code allows. Anything this cannot decide cheaply (IDD prefixes,
 * leading country code, carrier codes, transform rules) is "maybe" (false). Lets a lookup across
 * 30 countries skip 20–60 µs parses for the countries a number cannot belong to.
 */
export function impossibleNational(main: string, country: string): boolean {
  if (!load() || main.startsWith('+')) return false;
  const rules = byCountry!.get(country);
  if (!rules || rules.transform || /^0(?:0|11)/.test(main) || rules.idd.test(main)) return false;
  if (main.startsWith(rules.callingCode)) return false;
  const stripped = rules.strip?.exec(main);
  const prefix = stripped?.[0] ?? '';
  if (prefix && (prefix !== rules.plainPrefix || stripped!.slice(1).some((g) => g !== undefined))) return false;
  return !rules.anyLengths.has(main.length) && !rules.anyLengths.has(main.length - prefix.length);
}

/**
 * E.164 match key for a stored number typed in any format, with the phone's own country else the
 * site's; undefined when the text cannot be a phone number. Never throws.
 */
export function phoneMatchKey(number: string, country: string | undefined): string | undefined {
  let main = typeof number === 'string' ? plainDigits(number.trim()) : undefined;
  if (main === undefined) {
    const cleaned = cleanPhoneText(number);
    if (!cleaned.ok) return undefined;
    main = cleaned.main;
  }
  const fast = fastPhoneKey(main, country);
  if (fast) return fast;
  const slow = normalizePhone(main, country);
  return slow.ok ? slow.e164 : possibleKey(main, country);
}

/** The E.164 form of a possible-but-not-valid number, or undefined. */
function possibleKey(main: string, country: string | undefined): string | undefined {
  try {
    const parsed = parsePhoneNumberWithError(main, supportedCountry(country));
    return parsed.isPossible() && E164.test(parsed.number) ? parsed.number : undefined;
  } catch {
    return undefined; // not a number in any reading: the record simply has no key for it
  }
}
