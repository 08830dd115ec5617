import { z } from 'zod';
import { CountryCode } from './phone.js';

/** A server or device the help desk may need to know about (seeds/004 "Network Info"). */
export const NetworkServer = z.object({
  name: z.string().min(1, 'enter the server name'),
  role: z.string().default(''),
  address: z.string().optional(),
  notes: z.string().optional(),
});
export type NetworkServer = z.infer<typeof NetworkServer>;

/** Network information for a site: AD domain, servers, and free-form notes. */
export const NetworkInfo = z.object({
  domain: z.string().optional(),
  servers: z.array(NetworkServer).default([]),
  notes: z.string().optional(),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

/**
 * A client site, as the help desk sees it (seeds/002 "Basic Information").
 * The site message is critical information that never expires; it is shown as a red banner.
 */
export const Site = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1, 'enter the site name'),
    /** Company name used in the greeting ("Thank you for calling <companyName>"). */
    companyName: z.string().min(1, 'enter the company name used in the greeting'),
    /** Optional greeting name replacing the company name when answering calls. */
    callerGreeting: z.string().optional(),
    mainPhones: z.array(z.string().min(1)).default([]),
    /** Client email domain, e.g. "acme.com"; absent when `noClientEmailDomain` is set. */
    emailDomain: z
      .string()
      .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'use a bare domain such as "acme.com"')
      .optional(),
    /** The client uses a public mail provider: the site is never identified by email domain. */
    noClientEmailDomain: z.boolean().default(false),
    siteMessage: z.string().optional(),
    /** The site pays a per-install fee for RMM agents installed on unmanaged caller machines. */
    rmmAgentOptIn: z.boolean().default(false),
    country: CountryCode,
    timeZone: z.string().optional(),
    network: NetworkInfo.optional(),
  })
  .refine((s) => !(s.noClientEmailDomain && s.emailDomain), {
    message: 'a site with "no client email domain" cannot also have an email domain',
    path: ['emailDomain'],
  });
export type Site = z.infer<typeof Site>;

/** The greeting line the technician reads out. */
export function greetingFor(site: Pick<Site, 'companyName' | 'callerGreeting'>): string {
  return site.callerGreeting?.trim() || site.companyName;
}
