import { z } from 'zod';

/** ISO 3166-1 alpha-2 country code, upper case ("US", "GB"). */
export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'use a two-letter ISO 3166 country code such as "US" or "GB"');
export type CountryCode = z.infer<typeof CountryCode>;

export const PhoneType = z.enum(['mobile', 'office', 'home', 'other']);
export type PhoneType = z.infer<typeof PhoneType>;

/**
 * A phone number as stored in the directory. `number` is what the admin typed (any format);
 * identification normalises it to E.164 with `country`, else the site's country.
 */
export const Phone = z.object({
  number: z.string().min(1, 'enter a phone number'),
  type: PhoneType.default('office'),
  country: CountryCode.optional(),
  /** Mobile carrier, e.g. "AT&T"; with `smsGateway` it lets the help desk send SMS codes. */
  provider: z.string().optional(),
  /** Email-to-SMS gateway domain, e.g. "@txt.att.com". */
  smsGateway: z
    .string()
    .regex(/^@[\w.-]+\.[a-z]{2,}$/i, 'use a gateway domain such as "@txt.att.com"')
    .optional(),
});
export type Phone = z.infer<typeof Phone>;
