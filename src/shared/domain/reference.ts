import { z } from 'zod';

export const ReferenceKind = z.enum(['known_error', 'how_to', 'other']);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

/** Structured reference body (seeds/004 "References"). */
export const ReferenceBody = z.object({
  summary: z.string().default(''),
  symptoms: z.array(z.string()).default([]),
  steps: z.array(z.string()).default([]),
  /** Expected duration in minutes. */
  durationMinutes: z.number().int().nonnegative().optional(),
  escalation: z
    .object({
      to: z.enum(['tier4', 'third_party', 'partner']),
      contact: z.string().optional(),
      note: z.string().optional(),
    })
    .optional(),
});
export type ReferenceBody = z.infer<typeof ReferenceBody>;

/** Known errors, how-tos and escalation rules; assigned to some sites or to all sites. */
export const Reference = z
  .object({
    id: z.string().min(1),
    subject: z.string().min(1, 'enter a subject'),
    tags: z.array(z.string()).default([]),
    allSites: z.boolean().default(false),
    siteIds: z.array(z.string()).default([]),
    kind: ReferenceKind,
    body: ReferenceBody,
  })
  .refine((r) => r.allSites || r.siteIds.length > 0, {
    message: 'assign the reference to at least one site, or to all sites',
    path: ['siteIds'],
  });
export type Reference = z.infer<typeof Reference>;
