/**
 * The supervisors' approval review (issue 15; contract in shared/audit/index.ts), permission
 * `audit.read` on every route:
 *  - `GET /v1/approvals` → ApprovalPage · `GET /v1/approvals/:id` → ApprovalDetail
 *  - `GET /v1/approvals/stats` → ApprovalStats · `GET /v1/approvals/checkouts` → CheckoutReviewList
 *  - `GET /v1/approvals/export?format=csv|xlsx&<filters>` → the signed file, as an attachment
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  ApprovalDetail,
  ApprovalExportQuery,
  ApprovalFilter,
  ApprovalPage,
  ApprovalQuery,
  ApprovalStats,
  CheckoutReviewList,
  CheckoutReviewQuery,
} from '../../shared/audit/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { Database } from '../db/schema.js';
import { requireAuth } from '../http/requireAuth.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import type { ApprovalExporter } from './ApprovalExporter.js';
import type { ApprovalReview } from './ApprovalReview.js';
import { approvalStats } from './approvalStats.js';
import { reviewCheckouts } from './checkoutReview.js';

export interface ApprovalReviewDeps {
  auth: AuthService;
  db: Kysely<Database>;
  directory: DirectoryStore;
  review: ApprovalReview;
  exporter: ApprovalExporter;
}

/**
 * The response schema of the detail: the contract's, with `record` as a plain object, because the
 * ApprovalRecord schema holds input transforms (lenient optional text) that cannot encode a response.
 * The stored record is exactly what was uploaded and hashed; the desktop parses it with ApprovalDetail.
 */
const ApprovalDetailResponse = ApprovalDetail.extend({ record: z.record(z.string(), z.unknown()) });

export const approvalReviewRoutes: FastifyPluginAsyncZod<ApprovalReviewDeps> = async (app, deps) => {
  // The permission hook authenticates first; requireAuth re-checks where that hook is not installed.
  const onRequest = requireAuth(deps.auth);
  const config = { permission: 'audit.read' } as const;

  app.get(
    '/v1/approvals',
    { onRequest, config, schema: { querystring: ApprovalQuery, response: { 200: ApprovalPage } } },
    async (request) => deps.review.list(request.query),
  );

  app.get(
    '/v1/approvals/stats',
    { onRequest, config, schema: { querystring: ApprovalFilter, response: { 200: ApprovalStats } } },
    async (request) => approvalStats(deps.db, deps.directory, request.query),
  );

  app.get(
    '/v1/approvals/checkouts',
    { onRequest, config, schema: { querystring: CheckoutReviewQuery, response: { 200: CheckoutReviewList } } },
    async (request) => ({ items: await reviewCheckouts(deps.db, request.query) }),
  );

  app.get(
    '/v1/approvals/export',
    { onRequest, config, schema: { querystring: ApprovalExportQuery } },
    async (request, reply) => {
      const file = await deps.exporter.export(request.query, request.principal!.user.email);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );

  app.get(
    '/v1/approvals/:id',
    {
      onRequest,
      config,
      schema: { params: z.object({ id: z.string().min(1).max(100) }), response: { 200: ApprovalDetailResponse } },
    },
    async (request) => deps.review.detail(request.params.id),
  );
};
