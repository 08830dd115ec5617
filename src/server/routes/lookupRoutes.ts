/**
 * `GET /v1/lookup?phone=|email=|text=[&country=]` — identifies a caller exactly as the desktop client
 * does (same shared index and rules) and returns each candidate with its site and profile records;
 * `text=` answers `{ numbers: [...] }`, one entry per number found in the text.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { LookupQuery } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import type { LookupService } from '../lookup/LookupService.js';

/** `auth` is unused here: the permission hook authenticates (permissions/installPermissions.ts). */
export const lookupRoutes: FastifyPluginAsyncZod<{ auth?: AuthService; lookup: LookupService }> = async (
  app,
  { lookup },
) => {
  app.get(
    '/v1/lookup',
    { config: { permission: 'directory.read' }, schema: { querystring: LookupQuery } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      const { text, country } = request.query;
      if (text !== undefined) return lookup.lookupText(text, country);
      return lookup.lookup(request.query);
    },
  );
};
