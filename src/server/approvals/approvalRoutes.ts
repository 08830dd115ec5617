/**
 * Security approvals over HTTP (contract: src/shared/api/approvals.ts), all behind a bearer token:
 *  - `POST /v1/approvals` (header `Idempotency-Key` = body.id) → 201 / 200 replay `ApprovalStored`
 *  - `POST /v1/approvals/evaluate` `{ siteId, request }` → the Decision for the stored site's rules
 *  - `POST /v1/approvals/escalations` `{ recordId }` → `{ notified }` (rate-limited per technician)
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ApprovalRecord, ApprovalStored, EscalationRequest } from '../../shared/api/index.js';
import { ApprovalRequest, Decision, evaluate } from '../../shared/approvals/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { requireAuth } from '../http/requireAuth.js';
import type { ApprovalServices } from './approvalServices.js';

/** Body of `POST /v1/approvals/evaluate`. Candidate for src/shared/api/approvals.ts. */
export const EvaluateStoredRequest = z
  .object({ siteId: z.string().min(1, 'enter the site id'), request: ApprovalRequest })
  .refine((v) => v.request.siteId === v.siteId, {
    message: 'does not match siteId; evaluate a request only against its own site',
    path: ['request', 'siteId'],
  });

export const EscalationResult = z.object({ notified: z.number().int().nonnegative() });

export const approvalRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  approvals: ApprovalServices;
  escalationLimit: preHandlerAsyncHookHandler;
}> = async (app, { auth, approvals, escalationLimit }) => {
  // The permission hook (permissions/installPermissions.ts) authenticates first; requireAuth then
  // only re-checks, so these routes stay protected even where that hook is not installed.
  const onRequest = requireAuth(auth);
  const config = { permission: 'approvals.write' } as const;

  app.post(
    '/v1/approvals',
    { onRequest, config, schema: { body: ApprovalRecord, response: { 200: ApprovalStored, 201: ApprovalStored } } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key.trim() === '') {
        throw new AppError(
          'bad_request',
          'Idempotency-Key: send the header "Idempotency-Key: <record id>" so a retried upload is stored only once.',
          'Idempotency-Key',
        );
      }
      if (key.trim() !== request.body.id) {
        throw new AppError(
          'bad_request',
          `Idempotency-Key: must equal the record id (${request.body.id}).`,
          'Idempotency-Key',
        );
      }
      const { created, stored } = await approvals.records.store(
        request.body,
        request.principal!.user,
        request.principal!.deviceId,
      );
      // Offline escalations are sent now; a failure here must not fail the (already stored) upload.
      if (created)
        await approvals.escalations
          .escalateUploaded(request.body, request.principal!.user)
          .catch((err: Error) => request.log.warn({ err: err.message }, 'escalation after upload failed'));
      return reply.status(created ? 201 : 200).send(stored);
    },
  );

  app.post(
    '/v1/approvals/evaluate',
    { onRequest, config, schema: { body: EvaluateStoredRequest, response: { 200: Decision } } },
    async (request) => {
      const stored = await approvals.siteRules(request.body.siteId);
      if (!stored)
        throw new AppError(
          'not_found',
          `siteId: there is no site "${request.body.siteId}". Sync and pick the site again.`,
          'siteId',
        );
      return evaluate(stored.rules, request.body.request);
    },
  );

  app.post(
    '/v1/approvals/escalations',
    {
      onRequest,
      preHandler: escalationLimit,
      config,
      schema: { body: EscalationRequest, response: { 200: EscalationResult } },
    },
    async (request) => approvals.escalations.escalate(request.body.recordId, request.principal!.user),
  );
};
