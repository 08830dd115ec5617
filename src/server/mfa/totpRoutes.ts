/**
 * TOTP over HTTP (contract: src/shared/auth/session.ts):
 *  - `POST /v1/auth/totp` `{ mfaToken, code | recoveryCode }` → tokens, or the "choose your own password"
 *    step after a one-time password (public: the mfaToken is the credential)
 *  - `POST /v1/auth/totp/enroll` `{ currentPassword }` → secret, otpauth:// URI and QR code (signed in)
 *  - `POST /v1/auth/totp/confirm` `{ code }` → the 10 recovery codes, shown this once (signed in)
 *  - `POST /v1/auth/totp/recovery-codes` `{ currentPassword }` → 10 new recovery codes (signed in)
 *  - `POST /v1/auth/totp/disable` `{ currentPassword }` → 204, TOTP off (signed in)
 * Changes need the current password (a stolen 15-minute access token is not enough; wrong tries
 * count towards the sign-in lockout) and e-mail the user (securityNotice.ts).
 * Every response carrying a secret is `Cache-Control: no-store`; the logger redacts these fields.
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../shared/api/index.js';
import {
  TotpChangeRequest,
  TotpConfirmed,
  TotpConfirmRequest,
  TotpEnrolment,
  TotpSignInRequest,
  TotpSignInResponse,
} from '../../shared/auth/index.js';
import type { AuthService } from '../auth/AuthService.js';
import { AUTH_BODY_LIMIT } from '../routes/authRoutes.js';
import type { MfaService } from './MfaService.js';
import type { SecurityChange, SecurityNotices } from './securityNotice.js';

export const totpRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  mfa: MfaService;
  totpLimit: preHandlerAsyncHookHandler;
  notices: SecurityNotices;
}> = async (app, { auth, mfa, totpLimit, notices }) => {
  const notify = (request: FastifyRequest, change: SecurityChange) =>
    notices.send(request, request.principal!.user, change);
  const self = { config: { permission: 'account.self' }, bodyLimit: AUTH_BODY_LIMIT } as const;

  app.post(
    '/v1/auth/totp',
    {
      config: { permission: 'public' },
      bodyLimit: AUTH_BODY_LIMIT,
      preHandler: totpLimit,
      schema: { body: TotpSignInRequest, response: { 200: TotpSignInResponse } },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.completeTotp(request.body, request.ip);
    },
  );

  app.post(
    '/v1/auth/totp/enroll',
    { ...self, schema: { body: TotpChangeRequest, response: { 200: TotpEnrolment } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      await auth.verifyCurrentPassword(request.principal!.user, request.body.currentPassword, request.ip);
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
      const recoveryCodes = await mfa.confirm(request.principal!.user.id, request.body.code);
      await notify(request, 'totp_on');
      return { recoveryCodes };
    },
  );

  app.post(
    '/v1/auth/totp/recovery-codes',
    { ...self, schema: { body: TotpChangeRequest, response: { 200: TotpConfirmed } } },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      await auth.verifyCurrentPassword(request.principal!.user, request.body.currentPassword, request.ip);
      const recoveryCodes = await mfa.renewRecoveryCodes(request.principal!.user.id);
      await notify(request, 'recovery_codes');
      return { recoveryCodes };
    },
  );

  app.post('/v1/auth/totp/disable', { ...self, schema: { body: TotpChangeRequest } }, async (request, reply) => {
    const user = request.principal!.user;
    await auth.verifyCurrentPassword(user, request.body.currentPassword, request.ip);
    if (!(await mfa.reset(user.id, user.id)))
      throw new AppError('conflict', 'Two-step sign-in is already off for this account.');
    await notify(request, 'totp_off');
    return reply.status(204).send();
  });
};
