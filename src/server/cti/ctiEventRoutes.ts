/**
 * `POST /v1/cti/events`: call events from a phone system, authenticated by the integration's token in
 * `Authorization: Bearer` (not a user's access token, so the route is `public` to the role table and
 * checks its own token before the body is read). Takes Zammad's generic JSON shape and sipgate.io's
 * form-encoded one (`event=newCall&from=…&user[]=…`). A token in the query string is refused: URLs end
 * up in proxy and access logs.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/api/index.js';
import { CtiEvent } from '../../shared/api/cti.js';
import { bearerToken } from '../http/requireAuth.js';
import type { CtiService } from './CtiService.js';
import type { CtiStore } from './CtiStore.js';

/** Events are small; a PBX sending more is misconfigured. */
const EVENT_BODY_LIMIT = 8 * 1024;
/** How often `last_used_at` is written per integration (not on every one of 200 events a second). */
const TOUCH_EVERY_MS = 60_000;

/** sipgate's `user[]=a&user[]=b` (and a plain repeated `user`) become `user: [a, b]`; other keys stay strings. */
export function parseFormEvent(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const users: string[] = [];
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === 'user[]' || key === 'user') users.push(value);
    else if (!(key in out)) out[key] = value;
  }
  if (users.length > 0) out.user = users;
  return out;
}

const Accepted = z.object({ accepted: z.literal(true), callId: z.string(), state: z.string() });

export const ctiEventRoutes: FastifyPluginAsyncZod<{
  store: CtiStore;
  service: CtiService;
  now: () => number;
}> = async (app, { store, service, now }) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseFormEvent(body as string));
  });
  const integrationOf = new WeakMap<FastifyRequest, string>();
  const touched = new Map<string, number>();

  app.post(
    '/v1/cti/events',
    {
      config: { permission: 'public' },
      bodyLimit: EVENT_BODY_LIMIT,
      schema: { body: CtiEvent, response: { 202: Accepted } },
      onRequest: async (request) => {
        if (/[?&]token=/i.test(request.url))
          throw new AppError(
            'bad_request',
            'Send the integration token in the "Authorization: Bearer" header, not in the URL (URLs are logged). Revoke this token and create a new one.',
            'token',
          );
        const token = bearerToken(request);
        const integration = token ? await store.integrationByToken(token) : undefined;
        if (!integration)
          throw new AppError(
            'unauthorized',
            token
              ? 'This CTI integration token is unknown or was revoked. Create a new integration in Callsign and configure its token in the phone system.'
              : 'Send the CTI integration token: "Authorization: Bearer <token>".',
          );
        integrationOf.set(request, integration.id);
        if (now() - (touched.get(integration.id) ?? -Infinity) >= TOUCH_EVERY_MS) {
          touched.set(integration.id, now());
          await store.touchIntegration(integration.id);
        }
      },
    },
    async (request, reply) => {
      const call = await service.ingest(integrationOf.get(request)!, request.body);
      return reply.status(202).send({ accepted: true, callId: call.callId, state: call.state });
    },
  );
};
