/**
 * `POST /v1/auth/login`, `/v1/auth/refresh`, `/v1/auth/logout`, `GET /v1/me`, and one's own password:
 * `POST /v1/auth/password/choose` (after a one-time password) and `POST /v1/auth/password` (signed
 * in; contract: src/shared/auth/passwordChange.ts). The TOTP step
 * and enrolment are in mfa/totpRoutes.ts (contract: src/shared/auth/session.ts).
 * Tokens leave the server only in these response bodies (marked `Cache-Control: no-store`); the
 * logger redacts them and the password wherever they appear.
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Me } from '../../shared/api/index.js';
import {
  ChangePasswordRequest,
  ChoosePasswordRequest,
  SessionTokens,
  SignInRequest,
  SignInResponse,
} from '../../shared/auth/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { bearerToken } from '../http/requireAuth.js';
import type { SecurityNotices } from '../mfa/securityNotice.js';

/** Body of `/v1/auth/refresh` (and optionally `/v1/auth/logout`). Candidate for `src/shared/api`. */
export const RefreshRequest = z.object({
  refreshToken: z.string().min(1, 'send the refresh token from your last sign-in').max(256),
});
export const LogoutRequest = z.object({ refreshToken: z.string().min(1).max(256).optional() }).optional();

/** Sign-in bodies are tiny; anything bigger is refused before it is parsed. */
export const AUTH_BODY_LIMIT = 8 * 1024;

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  loginLimit: preHandlerAsyncHookHandler;
  /** Per-minute limits on setting one's own password (permissions/rateLimits.ts). */
  passwordLimit: preHandlerAsyncHookHandler;
  /** E-mails the user when their password was changed (mfa/securityNotice.ts). */
  notices: SecurityNotices;
}> = async (app, { auth, loginLimit, passwordLimit, notices }) => {
  app.post(
    '/v1/auth/login',
    {
      config: { permission: 'public' },
      bodyLimit: AUTH_BODY_LIMIT,
      preHandler: loginLimit,
      schema: { body: SignInRequest, response: { 200: SignInResponse } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.login(request.body.email, request.body.password, request.ip, request.body.device);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      config: { permission: 'public' },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { body: RefreshRequest, response: { 200: SessionTokens } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.refresh(request.body.refreshToken);
    },
  );

  /** Ends the session named by the refresh token in the body and/or the bearer access token. */
  app.post(
    '/v1/auth/logout',
    { config: { permission: 'public' }, bodyLimit: AUTH_BODY_LIMIT, schema: { body: LogoutRequest } },
    async (request, reply) => {
      const token = bearerToken(request);
      const session = token
        ? await auth.authenticate(token).catch((err: unknown) => {
            request.log.warn({ err }, 'logout: the access token could not be checked; the refresh token alone ends it');
            return null;
          })
        : null;
      await auth.logout({ refreshToken: request.body?.refreshToken, sessionId: session?.sessionId });
      return reply.status(204).send();
    },
  );

  /** The passwordChangeToken is the credential: it comes only from a sign-in with the right one-time password. */
  app.post(
    '/v1/auth/password/choose',
    {
      config: { permission: 'public' },
      bodyLimit: AUTH_BODY_LIMIT,
      preHandler: passwordLimit,
      schema: { body: ChoosePasswordRequest, response: { 200: SessionTokens } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.choosePassword(request.body, request.ip);
    },
  );

  app.post(
    '/v1/auth/password',
    {
      config: { permission: 'account.self' },
      bodyLimit: AUTH_BODY_LIMIT,
      preHandler: passwordLimit,
      schema: { body: ChangePasswordRequest },
    },
    async (request, reply) => {
      await auth.changePassword(request.principal!, request.body, request.ip);
      // Not after "choose your own" (first sign-in): that replaces a one-time password an administrator
      // set — an invitation, or a reset, which was itself e-mailed (accountAdminRoutes.ts).
      await notices.send(request, request.principal!.user, 'password_changed');
      return reply.status(204).send();
    },
  );

  app.get('/v1/me', { config: { permission: 'account.self' }, schema: { response: { 200: Me } } }, async (request) =>
    auth.me(request.principal!.user),
  );
};
