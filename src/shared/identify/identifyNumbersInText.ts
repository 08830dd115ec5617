/**
 * Every phone number in a piece of text (an e-mail signature, a ticket, a screen pop): found with
 * libphonenumber's `findPhoneNumbersInText`, run once per country to try (the hint, then the
 * directory's countries) because a national number is only recognised in its own country; each
 * number found is then identified like a typed one (identifyCaller), so national numbers get every
 * country's reading and candidates. Overlapping finds from different countries are one number (the
 * longest span, e.g. the one that took the extension along). Possible-but-not-valid numbers are
 * kept only when they match a stored number: postcodes and order numbers are often "possible".
 */
import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js/max';
import { identifyCaller } from './identifyCaller.js';
import { countriesToTry } from './phoneReadings.js';
import type { CallerLookup, Candidate } from './types.js';

/** Longer text is refused by the API (and cut by the desktop's paste handling). */
export const MAX_TEXT_LENGTH = 2000;

export interface NumberInText {
  /** The number as written in the text (with its extension, if any). */
  input: string;
  /** Where it starts and ends in the text. */
  startsAt: number;
  endsAt: number;
  e164: string;
  extension?: string;
  candidates: Candidate[];
  ambiguous: boolean;
}

interface Span {
  startsAt: number;
  endsAt: number;
}

function findSpans(text: string, countries: readonly (CountryCode | undefined)[]): Span[] {
  const spans: Span[] = [];
  for (const defaultCountry of countries) {
    for (const found of findPhoneNumbersInText(text, { defaultCountry, leniency: 'POSSIBLE' } as {
      defaultCountry?: CountryCode;
    })) {
      const overlapping = spans.findIndex((s) => s.startsAt < found.endsAt && found.startsAt < s.endsAt);
      if (overlapping < 0) spans.push({ startsAt: found.startsAt, endsAt: found.endsAt });
      else if (found.endsAt - found.startsAt > spans[overlapping]!.endsAt - spans[overlapping]!.startsAt)
        spans[overlapping] = { startsAt: found.startsAt, endsAt: found.endsAt };
    }
  }
  return spans.sort((a, b) => a.startsAt - b.startsAt);
}

/** Every number in `text` with its candidates, in the order they appear. Never throws. */
export function identifyNumbersInText(
  index: CallerLookup,
  text: string,
  options: { country?: string } = {},
): NumberInText[] {
  const source = typeof text === 'string' ? text.slice(0, MAX_TEXT_LENGTH) : '';
  const countries = countriesToTry(options.country, index.countries);
  // Without any country only international numbers (+…) can be found.
  const out: NumberInText[] = [];
  for (const span of findSpans(source, countries.length ? countries : [undefined])) {
    const input = source.slice(span.startsAt, span.endsAt);
    const outcome = identifyCaller(index, input, options);
    if (!outcome.ok || outcome.result.query.kind !== 'phone') continue;
    // identifyCaller refuses a possible-only number that matches nothing, which drops postcodes.
    const { query, candidates, ambiguous } = outcome.result;
    out.push({
      input,
      ...span,
      e164: query.e164,
      ...(query.extension ? { extension: query.extension } : {}),
      candidates,
      ambiguous,
    });
  }
  return out;
}
