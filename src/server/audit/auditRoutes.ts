/**
 * The audit chain for supervisors (permission `audit.read`); the contract is in shared/api/audit.ts:
 *  - `GET /v1/audit?after=&limit=&type=&actor=` → `{ entries, next }`, oldest first (keyset by seq)
 *  - `GET /v1/audit?order=desc&before=&limit=&type=&actor=&subject=` → newest first (`next` = next `before`)
 *  - `GET /v1/audit/verify` → `{ intact, brokenAt, entries, head }` (re-hashes the whole chain)
 * Entries never hold secrets (see audit/AuditLog.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPage, AuditVerification } from '../../shared/api/audit.js';
import type { AuditLog } from './AuditLog.js';
import type { AuditSubjectNames } from '../admin/AuditSubjectNames.js';

const AuditQuery = z.object({
  order: z.enum(['asc', 'desc']).default('asc'),
  /** asc only: entries after this seq. */
  after: z.coerce.number().int().nonnegative().default(0),
  /** desc only: entries before this seq (all when omitted). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().min(1).max(64).optional(),
  actor: z.string().min(1).max(254).optional(),
  /** Exact subject, e.g. an approval record's id (issue 15: record ↔ its audit entries). */
  subject: z.string().min(1).max(254).optional(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditLog; names: AuditSubjectNames }> = async (
  app,
  { audit, names },
) => {
  app.get(
    '/v1/audit',
    { config: { permission: 'audit.read' }, schema: { querystring: AuditQuery, response: { 200: AuditPage } } },
    async (request) => {
      const { order, after, before, limit, type, actor, subject } = request.query;
      const rows = await audit.list({
        order,
        after,
        ...(before !== undefined ? { before } : {}),
        limit: limit + 1,
        ...(type ? { type } : {}),
        ...(actor ? { actor } : {}),
        ...(subject ? { subject } : {}),
      });
      const page = rows.slice(0, limit);
      const subjectNames = await names.namesFor(page.map((e) => e.subject));
      return {
        entries: page.map((e) => ({
          ...e,
          ...(subjectNames.has(e.subject) ? { subjectName: subjectNames.get(e.subject) } : {}),
          at: new Date(e.at).toISOString(),
          data: typeof e.data === 'object' && e.data !== null ? e.data : { unreadable: String(e.data) },
        })),
        next: rows.length > limit ? page[page.length - 1]!.seq : null,
      };
    },
  );

  app.get(
    '/v1/audit/verify',
    { config: { permission: 'audit.read' }, schema: { response: { 200: AuditVerification } } },
    async () => {
      const brokenAt = await audit.verify();
      const head = await audit.head();
      return { intact: brokenAt === null, brokenAt, entries: head?.seq ?? 0, head: head?.hash ?? null };
    },
  );
};
