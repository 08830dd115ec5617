/**
 * Accounts over HTTP:
 *  - `GET    /v1/admin/users`            → `{ users }` with TOTP status and active devices (admin.read)
 *  - `POST   /v1/admin/users`            `{ email, name, role, password }` → 201 user (accounts.manage);
 *    the password is one-time: at sign-in it only opens "choose your own password", for 72 hours
 *  - `PATCH  /v1/admin/users/:id`        `{ name?, role?, password?, disabled? }` → user (accounts.manage);
 *    disabling ends the account's sessions; the last enabled administrator cannot be demoted or disabled (409)
 *  - `DELETE /v1/admin/users/:id/totp`   → 204: TOTP off, recovery codes gone (accounts.manage)
 * A new password or TOTP turned off is e-mailed to the account's owner (mfa/securityNotice.ts): a
 * reset they did not ask for is how a takeover through the help desk starts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role, UserInfo } from '../../shared/api/index.js';
import { AccountList, NewPassword } from '../../shared/auth/index.js';
import type { SecurityNotices } from '../mfa/securityNotice.js';
import type { AccountAdmin } from './AccountAdmin.js';
import { ADMIN_BODY_LIMIT } from './directoryAdminRoutes.js';

/** The one-time password main made (shared rules: at least 12 characters). */
const Password = NewPassword;
export const NewAccount = z.object({
  email: z.email('enter the email address the person signs in with'),
  name: z.string().trim().min(1).max(200),
  role: Role,
  password: Password,
});
export const AccountPatch = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    role: Role.optional(),
    password: Password.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
const IdParams = z.object({ id: z.string().min(1).max(128) });

export const accountAdminRoutes: FastifyPluginAsyncZod<{
  accounts: AccountAdmin;
  notices: SecurityNotices;
}> = async (app, { accounts, notices }) => {
  const manage = { config: { permission: 'accounts.manage' as const }, bodyLimit: ADMIN_BODY_LIMIT };

  app.get(
    '/v1/admin/users',
    { config: { permission: 'admin.read' }, schema: { response: { 200: AccountList } } },
    async () => ({
      users: await accounts.list(),
    }),
  );

  app.post(
    '/v1/admin/users',
    { ...manage, schema: { body: NewAccount, response: { 201: UserInfo } } },
    async (request, reply) => reply.status(201).send(await accounts.create(request.body, request.principal!.user.id)),
  );

  app.patch(
    '/v1/admin/users/:id',
    { ...manage, schema: { params: IdParams, body: AccountPatch, response: { 200: UserInfo } } },
    async (request) => {
      const user = await accounts.change(request.params.id, request.body, request.principal!.user.id);
      if (request.body.password !== undefined) await notices.send(request, user, 'password_reset');
      return user;
    },
  );

  app.delete('/v1/admin/users/:id/totp', { ...manage, schema: { params: IdParams } }, async (request, reply) => {
    const turnedOff = await accounts.resetTotp(request.params.id, request.principal!.user.id);
    if (turnedOff) await notices.send(request, turnedOff, 'totp_reset');
    return reply.status(204).send();
  });
};
