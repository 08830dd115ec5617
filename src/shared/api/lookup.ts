import { z } from 'zod';
import { supportedCountry } from '../phone/normalizePhone.js';

/** Longest `text=` the lookup reads (an e-mail signature or a ticket's first lines). */
export const MAX_LOOKUP_TEXT = 2000;

/** ISO 3166 alpha-2 country libphonenumber knows, upper-cased ("gb" → "GB"). */
export const CountryHint = z
  .string()
  .trim()
  .refine((c) => supportedCountry(c) !== undefined, {
    message: 'must be a two-letter ISO country code such as GB, DE or US',
  })
  .transform((c) => c.toUpperCase());

/**
 * `GET /v1/lookup?phone=|email=|text=[&country=]` — exactly one of phone, email or text. `country`
 * is where the call comes from (or the technician's desk): national numbers are read in it first.
 */
export const LookupQuery = z
  .object({
    phone: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe(
        'A phone number in any format (+44 20 7946 0958, 020 7946 0958, tel:/sip: URIs). A number without country code is read in `country` first, then in every country the directory has sites in.',
      ),
    email: z.string().min(1).max(254).optional().describe('An e-mail address: the person, else their company domain.'),
    text: z
      .string()
      .min(1)
      .max(MAX_LOOKUP_TEXT)
      .optional()
      .describe(
        'Free text holding phone numbers (an e-mail signature with phone, fax and extensions). Answers `{ numbers: [{ input, e164, candidates, ambiguous }] }`, one entry per number found.',
      ),
    country: CountryHint.optional().describe(
      'Country hint, ISO 3166 alpha-2 (GB, DE, US): national numbers are read in it first and its readings rank first.',
    ),
  })
  .refine((q) => [q.phone, q.email, q.text].filter(Boolean).length === 1, {
    message: 'give exactly one of phone, email or text',
    path: ['phone'],
  });
export type LookupQuery = z.infer<typeof LookupQuery>;
