import { z } from 'zod';

/** `GET /v1/lookup?phone=|email=` — exactly one of the two. */
export const LookupQuery = z
  .object({ phone: z.string().min(1).max(64).optional(), email: z.string().min(1).max(254).optional() })
  .refine((q) => Boolean(q.phone) !== Boolean(q.email), {
    message: 'give exactly one of phone or email',
    path: ['phone'],
  });
export type LookupQuery = z.infer<typeof LookupQuery>;
