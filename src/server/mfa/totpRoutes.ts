/**
 * TOTP over HTTP (contract: src/shared/auth/session.ts):
 *  - `POST /v1/auth/totp` `{ mfaToken, code | recoveryCode }` → tokens (public: the mfaToken is the credential)
 *  - `POST /v1/auth/totp/enroll` → secret, otpauth:// URI and QR code (signed in)
 *  - `POST /v1/auth/totp/confirm` `{ code }` → the 10 recovery codes, shown this once (signed in)
 * Every response carrying a secret is `Cache-Control: no-store`; the logger redacts these fields.
 */
import type { preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  SessionTokens,
  TotpConfirmed,
  TotpConfirmRequest,
  TotpEnrolment,
  TotpSignInRequest,
} from '../../shared/auth/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { AUTH_BODY_LIMIT } from '../routes/authRoutes.js';
import type { MfaService } from './MfaService.js';

export const totpRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  mfa: MfaService;
  totpLimit: preHandlerAsyncHookHandler;
}> = async (app, { auth, mfa, totpLimit }) => {
  app.post(
    '/v1/auth/totp',
    {
      config: { permission: 'public' },
      bodyLimit: AUTH_BODY_LIMIT,
      preHandler: totpLimit,
      schema: { body: TotpSignInRequest, response: { 200: SessionTokens } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.completeTotp(request.body, request.ip);
    },
  );

  app.post(
    '/v1/auth/totp/enroll',
    {
      config: { permission: 'account.self' },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { response: { 200: TotpEnrolment } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return mfa.start(request.principal!.user);
    },
  );

  app.post(
    '/v1/auth/totp/confirm',
    {
      config: { permission: 'account.self' },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: { body: TotpConfirmRequest, response: { 200: TotpConfirmed } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return { recoveryCodes: await mfa.confirm(request.principal!.user.id, request.body.code) };
    },
  );
};
