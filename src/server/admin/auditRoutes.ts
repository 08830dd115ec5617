/**
 * The audit chain for supervisors (permission `audit.read`):
 *  - `GET /v1/audit?after=&limit=&type=` → `{ entries, next }`, oldest first (keyset paging by seq)
 *  - `GET /v1/audit/verify` → `{ intact, brokenAt, entries, head }` (re-hashes the whole chain)
 * Entries never hold secrets (see audit/AuditLog.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditLog } from '../audit/AuditLog.js';

const AuditQuery = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  type: z.string().min(1).max(64).optional(),
});

export const AuditEntryBody = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.string(),
  type: z.string(),
  subject: z.string(),
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get(
    '/v1/audit',
    { config: { permission: 'audit.read' }, schema: { querystring: AuditQuery, response: { 200: z.object({ entries: z.array(AuditEntryBody), next: z.number().int().nullable() }) } } },
    async (request) => {
      const { after, limit, type } = request.query;
      const rows = await audit.list({ after, limit: limit + 1, ...(type ? { type } : {}) });
      const page = rows.slice(0, limit);
      return {
        entries: page.map((e) => ({ ...e, at: new Date(e.at).toISOString(), data: typeof e.data === 'object' && e.data !== null ? e.data : { unreadable: String(e.data) } })),
        next: rows.length > limit ? page[page.length - 1]!.seq : null,
      };
    },
  );

  app.get(
    '/v1/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: { response: { 200: z.object({ intact: z.boolean(), brokenAt: z.number().int().nullable(), entries: z.number().int(), head: z.string().nullable() }) } },
    },
    async () => {
      const brokenAt = await audit.verify();
      const head = await audit.head();
      return { intact: brokenAt === null, brokenAt, entries: head?.seq ?? 0, head: head?.hash ?? null };
    },
  );
};
