import { z } from 'zod';
import { Phone } from './phone.js';

/** A client end user who may call the help desk (seeds/002 "Client Profiles"). */
export const ClientProfile = z.object({
  id: z.string().min(1),
  siteId: z.string().min(1),
  firstName: z.string().min(1, 'enter a first name'),
  lastName: z.string().min(1, 'enter a last name'),
  email: z.email('enter a valid email address').optional(),
  phones: z.array(Phone).default([]),
  /** Works on a thin client against a terminal server (charged per user). */
  thinClient: z.boolean().default(false),
  /** Is a contact in the partner's PSA. */
  psaContact: z.boolean().default(false),
  title: z.string().optional(),
});
export type ClientProfile = z.infer<typeof ClientProfile>;

export function fullName(p: Pick<ClientProfile, 'firstName' | 'lastName'>): string {
  return `${p.firstName} ${p.lastName}`;
}
