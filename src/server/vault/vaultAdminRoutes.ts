/**
 * Vault administration. Secrets are write-only: set with `secret` (accounts) or `bindPassword`
 * (a site's directory), never returned — responses are CredentialMeta / the directory without it.
 *  - `GET    /v1/admin/credentials?siteId=`            admin.read, metadata only (all accounts)
 *  - `POST   /v1/admin/credentials`                     directory.write → 201 CredentialMeta
 *  - `PATCH  /v1/admin/credentials/:id`                 directory.write
 *  - `DELETE /v1/admin/credentials/:id`                 directory.write → 204
 *  - `PUT    /v1/admin/sites/:siteId/vault-directory`   directory.write, the `ldap` driver's settings
 *  - `GET/PUT /v1/admin/vault/settings`                 login window and ticket format
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CredentialInput, CredentialList, CredentialMeta } from '../../shared/api/index.js';
import { CredentialPatch } from './CredentialStore.js';
import { VaultDirectoryInput } from './DirectoryConfigStore.js';
import { requireCipher } from './vaultCipher.js';
import type { VaultServices } from './vaultServices.js';
import { VaultSettingsInput } from './VaultSettings.js';

const Id = z.string().min(1).max(200);
const read = { permission: 'admin.read' as const };
const write = { permission: 'directory.write' as const };

export const vaultAdminRoutes: FastifyPluginAsyncZod<{ vault: VaultServices }> = async (app, { vault }) => {
  app.addHook('preHandler', async () => void requireCipher(vault.cipher));
  const actor = (request: { principal: { user: { id: string } } | null }) => request.principal!.user.id;

  app.get(
    '/v1/admin/credentials',
    {
      config: read,
      schema: { querystring: z.object({ siteId: Id.optional() }), response: { 200: CredentialList } },
    },
    async (request) => vault.credentials.list(request.query.siteId, { backOfficeOnly: false }),
  );
  app.post(
    '/v1/admin/credentials',
    { config: write, schema: { body: CredentialInput, response: { 201: CredentialMeta } } },
    async (request, reply) =>
      reply.status(201).send(await vault.credentials.create(request.body, requireCipher(vault.cipher), actor(request))),
  );
  app.patch(
    '/v1/admin/credentials/:id',
    {
      config: write,
      schema: { params: z.object({ id: Id }), body: CredentialPatch, response: { 200: CredentialMeta } },
    },
    async (request) =>
      vault.credentials.update(request.params.id, request.body, requireCipher(vault.cipher), actor(request)),
  );
  app.delete(
    '/v1/admin/credentials/:id',
    { config: write, schema: { params: z.object({ id: Id }) } },
    async (request, reply) => {
      await vault.credentials.delete(request.params.id, actor(request));
      return reply.status(204).send();
    },
  );
  app.put(
    '/v1/admin/sites/:siteId/vault-directory',
    { config: write, schema: { params: z.object({ siteId: Id }), body: VaultDirectoryInput } },
    async (request) => vault.directories.set(request.params.siteId, request.body),
  );
  app.get('/v1/admin/vault/settings', { config: read }, async () => {
    const p = await vault.settings.get();
    return { loginWindowMinutes: p.loginWindowMs / 60_000, ticketPattern: p.ticketPatternText };
  });
  app.put('/v1/admin/vault/settings', { config: write, schema: { body: VaultSettingsInput } }, async (request) =>
    vault.settings.set(request.body),
  );
};
