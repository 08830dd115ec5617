/**
 * `POST /v1/auth/login`, `/v1/auth/refresh`, `/v1/auth/logout` and `GET /v1/me`.
 * Tokens leave the server only in these response bodies (marked `Cache-Control: no-store`); the
 * logger redacts them and the password wherever they appear.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LoginRequest, LoginResponse, UserInfo } from '../../shared/api/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { bearerToken, requireAuth } from '../http/requireAuth.js';

/** Body of `/v1/auth/refresh` (and optionally `/v1/auth/logout`). Candidate for `src/shared/api`. */
export const RefreshRequest = z.object({ refreshToken: z.string().min(1, 'send the refresh token from your last sign-in').max(256) });
export const LogoutRequest = z.object({ refreshToken: z.string().min(1).max(256).optional() }).optional();

export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService }> = async (app, { auth }) => {
  app.post('/v1/auth/login', { schema: { body: LoginRequest, response: { 200: LoginResponse } } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return auth.login(request.body.email, request.body.password, request.ip);
  });

  app.post('/v1/auth/refresh', { schema: { body: RefreshRequest, response: { 200: LoginResponse } } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return auth.refresh(request.body.refreshToken);
  });

  /** Ends the session named by the refresh token in the body and/or the bearer access token. */
  app.post('/v1/auth/logout', { schema: { body: LogoutRequest } }, async (request, reply) => {
    const token = bearerToken(request);
    const session = token ? await auth.authenticate(token).catch(() => null) : null;
    await auth.logout({ refreshToken: request.body?.refreshToken, sessionId: session?.sessionId });
    return reply.status(204).send();
  });

  app.get('/v1/me', { onRequest: requireAuth(auth), schema: { response: { 200: UserInfo } } }, async (request) => request.principal!.user);
};
