/**
 * Directory administration over HTTP, validated with the shared schemas. For each collection
 * (`sites`, `profiles`, `references`, `policies` — a policy's id is its site id):
 *  - `GET    /v1/admin/<collection>?after=&limit=&siteId=` → `{ items, next }`  (admin.read)
 *  - `GET    /v1/admin/<collection>/:id`                   → the record        (admin.read)
 *  - `POST   /v1/admin/<collection>`  record               → 201 `{ seq, record }` (directory.write; 409 if it exists)
 *  - `PUT    /v1/admin/<collection>/:id` record            → `{ seq, record }` (directory.write; 404 if missing)
 *  - `DELETE /v1/admin/<collection>/:id`                   → `{ seq }`        (directory.write; a site takes its profiles and policy)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SitePolicyRecord } from '../../shared/api/index.js';
import { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import type { DirectoryKind, DirectoryRecord } from '../directory/DirectoryStore.js';
import type { DirectoryAdmin } from './DirectoryAdmin.js';

/** Admin bodies: a record is small, but a reference body or a policy can run to tens of KB. */
export const ADMIN_BODY_LIMIT = 256 * 1024;

/**
 * `out` is the response schema. SitePolicyRecord contains one-way transforms, which the response
 * serializer cannot encode, so policies are sent as stored (they were validated on the way in).
 */
const COLLECTIONS = [
  { kind: 'site', path: 'sites', schema: Site, out: Site },
  { kind: 'profile', path: 'profiles', schema: ClientProfile, out: ClientProfile },
  { kind: 'reference', path: 'references', schema: Reference, out: Reference },
  { kind: 'policy', path: 'policies', schema: SitePolicyRecord, out: z.object({ siteId: z.string() }).loose() },
] as const satisfies ReadonlyArray<{ kind: DirectoryKind; path: string; schema: z.ZodType; out: z.ZodType }>;

const IdParams = z.object({ id: z.string().min(1).max(200) });
const ListQuery = z.object({
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  siteId: z.string().min(1).max(200).optional(),
});

export const directoryAdminRoutes: FastifyPluginAsyncZod<{ admin: DirectoryAdmin }> = async (app, { admin }) => {
  for (const { kind, path, schema, out } of COLLECTIONS) {
    const base = `/v1/admin/${path}`;
    const Written = z.object({ seq: z.number().int(), record: out });
    const read = { config: { permission: 'admin.read' as const } };
    const write = { config: { permission: 'directory.write' as const }, bodyLimit: ADMIN_BODY_LIMIT };
    const input = (body: unknown) => body as DirectoryRecord<typeof kind>;

    app.get(
      base,
      {
        ...read,
        schema: {
          querystring: ListQuery,
          response: { 200: z.object({ items: z.array(out), next: z.string().nullable() }) },
        },
      },
      async (request) => admin.list(kind, request.query),
    );
    app.get(`${base}/:id`, { ...read, schema: { params: IdParams, response: { 200: out } } }, async (request) =>
      admin.get(kind, request.params.id),
    );
    app.post(base, { ...write, schema: { body: schema, response: { 201: Written } } }, async (request, reply) =>
      reply.status(201).send(await admin.create(kind, input(request.body), request.principal!.user.id)),
    );
    app.put(
      `${base}/:id`,
      { ...write, schema: { params: IdParams, body: schema, response: { 200: Written } } },
      async (request) => admin.update(kind, request.params.id, input(request.body), request.principal!.user.id),
    );
    app.delete(
      `${base}/:id`,
      { ...write, schema: { params: IdParams, response: { 200: z.object({ seq: z.number().int() }) } } },
      async (request) => admin.remove(kind, request.params.id, request.principal!.user.id),
    );
  }
};
