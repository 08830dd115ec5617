/**
 * The NOC's vault routes. Without a server key every one answers 503 `unavailable` saying how to
 * set one. SECRET: only the check-out's 201 body carries a password (`Cache-Control: no-store`).
 *  - `GET  /v1/sites/:siteId/credentials`        the site's back-office accounts (credentials.checkout)
 *  - `POST /v1/credentials/:id/checkout`         201 CheckoutGranted; 409 checked_out / rotation_*; 429
 *  - `POST /v1/leases/:leaseId/checkin`          the holder's own lease (supervisors: anyone's)
 *  - `POST /v1/credentials/:id/force-checkin`    credentials.force_checkin
 *  - `POST /v1/leases/:leaseId/events`           reveal / copy / read_back, audited
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CheckinResult, CheckoutGranted, CheckoutRequest, CredentialList, LeaseEvent } from '../../shared/api/index.js';
import { vaultCheckoutLimit, VAULT_CHECKOUT_LIMIT } from '../permissions/rateLimits.js';
import type { RateLimiter } from '../permissions/RateLimiter.js';
import { requireCipher } from './vaultCipher.js';
import type { VaultServices } from './vaultServices.js';

export type CheckoutLimit = { max: number; windowMs: number };
export const DEFAULT_CHECKOUT_LIMIT: CheckoutLimit = VAULT_CHECKOUT_LIMIT;

const Id = z.string().min(1).max(200);
/** The ticket's format is a workspace setting, checked by LeaseService; here only its size. */
const CheckoutBody = CheckoutRequest.extend({ ticket: z.string().trim().min(1).max(64) });

export const vaultRoutes: FastifyPluginAsyncZod<{
  vault: VaultServices;
  limiter: RateLimiter;
  checkoutLimit: CheckoutLimit;
}> = async (app, { vault, limiter, checkoutLimit }) => {
  app.addHook('preHandler', async () => void requireCipher(vault.cipher));
  const checkout = { permission: 'credentials.checkout' as const };

  app.get(
    '/v1/sites/:siteId/credentials',
    { config: checkout, schema: { params: z.object({ siteId: Id }), response: { 200: CredentialList } } },
    async (request) => vault.credentials.list(request.params.siteId, { backOfficeOnly: true }),
  );

  app.post(
    '/v1/credentials/:id/checkout',
    {
      config: checkout,
      preHandler: vaultCheckoutLimit(limiter, checkoutLimit),
      schema: { params: z.object({ id: Id }), body: CheckoutBody, response: { 201: CheckoutGranted } },
    },
    async (request, reply) => {
      const granted = await vault.leases.checkout(request.params.id, request.body, request.principal!);
      return reply.status(201).header('Cache-Control', 'no-store').send(granted);
    },
  );

  app.post(
    '/v1/leases/:leaseId/checkin',
    { config: checkout, schema: { params: z.object({ leaseId: Id }), response: { 200: CheckinResult } } },
    async (request) => vault.leases.checkin(request.params.leaseId, request.principal!),
  );

  app.post(
    '/v1/credentials/:id/force-checkin',
    {
      config: { permission: 'credentials.force_checkin' },
      schema: { params: z.object({ id: Id }), response: { 200: z.object({ ended: z.number().int() }) } },
    },
    async (request) => vault.leases.forceCheckin(request.params.id, request.principal!),
  );

  app.post(
    '/v1/leases/:leaseId/events',
    { config: checkout, schema: { params: z.object({ leaseId: Id }), body: LeaseEvent } },
    async (request, reply) => {
      await vault.leases.recordEvent(request.params.leaseId, request.body.event, request.principal!);
      return reply.status(204).send();
    },
  );
};
