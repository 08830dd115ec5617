/**
 * `POST /v1/sms/codes` → 201 `SmsCodeSent` and `POST /v1/sms/codes/:id/check` `{ code }` →
 * `{ ok, attemptsLeft, reason? }`, behind a bearer token. The code travels only in the check request
 * body (whose `code` field the logger redacts) and in the SMS itself; responses never carry it.
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SmsCodeCheck, SmsCodeRequest, SmsCodeSent } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { requireAuth } from '../http/requireAuth.js';
import type { PolicyStore } from '../approvals/PolicyStore.js';
import { resolveSmsRecipient } from './resolveSmsRecipient.js';
import { SmsCheckResult, type SmsCodeService } from './SmsCodeService.js';

export interface SmsRouteDeps {
  auth: AuthService;
  /** Limits on codes sent (permissions/rateLimits.ts smsSendLimit). */
  sendLimit: preHandlerAsyncHookHandler;
  directory: DirectoryStore;
  policies: PolicyStore;
  sms: SmsCodeService;
}

const CodeId = z.object({ id: z.uuid('use the codeId returned when the code was sent') });

export const smsRoutes: FastifyPluginAsyncZod<SmsRouteDeps> = async (app, deps) => {
  const onRequest = requireAuth(deps.auth);
  const config = { permission: 'approvals.write' } as const;

  app.post(
    '/v1/sms/codes',
    { onRequest, preHandler: deps.sendLimit, config, schema: { body: SmsCodeRequest, response: { 201: SmsCodeSent } } },
    async (request, reply) => {
      const recipient = await resolveSmsRecipient(deps, request.body);
      const sent = await deps.sms.send(request.body, recipient, request.principal!.user);
      return reply.status(201).header('Cache-Control', 'no-store').send(sent);
    },
  );

  app.post(
    '/v1/sms/codes/:id/check',
    { onRequest, config, schema: { params: CodeId, body: SmsCodeCheck, response: { 200: SmsCheckResult } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return deps.sms.check(request.params.id, request.body.code, request.principal!.user);
    },
  );
};
