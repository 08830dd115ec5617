/**
 * OpenAPI for the whole API, generated from the zod route schemas (fastify-type-provider-zod's
 * `jsonSchemaTransform`) by @fastify/swagger, and served by @fastify/swagger-ui at `/docs`
 * (`/docs/json` for the document itself). Public: it describes shapes, never data. Register before
 * the routes so every route is collected.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

export const DOCS_PREFIX = '/docs';

export async function registerApiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Callsign API',
        version,
        description:
          'Help-desk API: sign-in (password + TOTP), devices, directory sync and administration, approvals. Errors: `{ error: { code, message, field? } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });
}
