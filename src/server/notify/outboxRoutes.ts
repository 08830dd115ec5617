/**
 * `GET /v1/outbox` — DEMO ONLY: the newest messages the demo folder outbox received (SMS codes and
 * escalation emails), so the demo can be played without a phone. 404 on a server with a real Mailer.
 * This response does contain SMS codes: in the demo the outbox stands in for the recipient's phone.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { requireAuth } from '../http/requireAuth.js';
import { OutboxMessage, type FolderOutbox } from './FolderOutbox.js';

const config = { permission: 'approvals.write' } as const;

export const OutboxPage = z.object({ messages: z.array(OutboxMessage) });
const OutboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const outboxRoutes: FastifyPluginAsyncZod<{ auth: AuthService; outbox: FolderOutbox | undefined }> = async (
  app,
  { auth, outbox },
) => {
  app.get(
    '/v1/outbox',
    { onRequest: requireAuth(auth), config, schema: { querystring: OutboxQuery, response: { 200: OutboxPage } } },
    async (request, reply) => {
      if (!outbox)
        throw new AppError(
          'not_found',
          'There is no outbox on this server: messages go out by SMTP. The outbox exists only in the demo workspace.',
        );
      reply.header('Cache-Control', 'no-store');
      return { messages: await outbox.list(request.query.limit) };
    },
  );
};
