/** `GET /v1/health` — liveness and version; no authentication. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

export const HealthResponse = z.object({ ok: z.literal(true), version: z.string() });

export const healthRoutes: FastifyPluginAsyncZod<{ version: string }> = async (app, { version }) => {
  app.get(
    '/v1/health',
    { config: { permission: 'public' }, schema: { response: { 200: HealthResponse } } },
    async () => ({ ok: true as const, version }),
  );
};
