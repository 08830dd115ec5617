/**
 * CTI administration and the call log over HTTP (contract: shared/api/cti.ts):
 *  - integrations: list (`admin.read`), create → token shown once, revoke (`accounts.manage`)
 *  - extensions: list (`admin.read`), set or clear one account's (`accounts.manage`)
 *  - call log: recent calls (`directory.read`); attach an unidentified number to a profile
 *    (`directory.write`, audited; the number becomes one of the profile's phones)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/api/index.js';
import {
  AttachNumber,
  CallList,
  CallView,
  CtiExtension,
  CtiExtensionList,
  CtiIntegrationCreated,
  CtiIntegrationList,
  NewCtiIntegration,
} from '../../shared/api/cti.js';
import type { AuditSink } from '../audit/AuditLog.js';
import type { UserStore } from '../auth/UserStore.js';
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { toCallView, toIntegration, type CtiStore } from './CtiStore.js';

/** Audit event types of this feature (free-text column; not yet in the Audit tab's type filter). */
export const CTI_AUDIT_EVENT = {
  integrationCreated: 'cti.integration_created',
  integrationRevoked: 'cti.integration_revoked',
  extensionSet: 'cti.extension_set',
  numberAttached: 'cti.number_attached',
} as const;

const IdParams = z.object({ id: z.string().min(1).max(128) });
const CallsQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export interface CtiAdminDeps {
  store: CtiStore;
  audit: AuditSink;
  users: UserStore;
  directory: DirectoryStore;
}

export const ctiAdminRoutes: FastifyPluginAsyncZod<CtiAdminDeps> = async (app, { store, audit, users, directory }) => {
  const manage = { permission: 'accounts.manage' as const };

  app.get(
    '/v1/admin/cti/integrations',
    { config: { permission: 'admin.read' }, schema: { response: { 200: CtiIntegrationList } } },
    async () => ({ integrations: (await store.listIntegrations()).map(toIntegration) }),
  );

  app.post(
    '/v1/admin/cti/integrations',
    { config: manage, schema: { body: NewCtiIntegration, response: { 201: CtiIntegrationCreated } } },
    async (request, reply) => {
      const actor = request.principal!.user.id;
      const { integration, token } = await store.createIntegration(request.body.name, actor);
      await audit.append({
        type: CTI_AUDIT_EVENT.integrationCreated,
        actor,
        subject: integration.id,
        data: { name: integration.name },
      });
      return reply.status(201).send({ integration: toIntegration(integration), token });
    },
  );

  app.delete(
    '/v1/admin/cti/integrations/:id',
    { config: manage, schema: { params: IdParams } },
    async (request, reply) => {
      const before = (await store.listIntegrations()).find((i) => i.id === request.params.id);
      if (!before)
        throw new AppError('not_found', `There is no CTI integration "${request.params.id}". Refresh the list.`, 'id');
      if (before.revoked_at === null) {
        await store.revokeIntegration(before.id);
        await audit.append({
          type: CTI_AUDIT_EVENT.integrationRevoked,
          actor: request.principal!.user.id,
          subject: before.id,
          data: { name: before.name },
        });
      }
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/admin/cti/extensions',
    { config: { permission: 'admin.read' }, schema: { response: { 200: CtiExtensionList } } },
    async () => ({ extensions: await store.listExtensions() }),
  );

  app.put(
    '/v1/admin/users/:id/cti-extension',
    { config: manage, schema: { params: IdParams, body: CtiExtension } },
    async (request, reply) => {
      const user = await users.findById(request.params.id);
      if (!user) throw new AppError('not_found', `There is no account "${request.params.id}". Refresh the list.`, 'id');
      const { extension } = request.body;
      const holder =
        extension && (await store.listExtensions()).find((x) => x.extension.toLowerCase() === extension.toLowerCase());
      if (holder && holder.userId !== user.id)
        throw new AppError(
          'conflict',
          `extension: "${extension}" already belongs to ${holder.email}. Clear it there first.`,
          'extension',
        );
      await store.setExtension(user.id, extension);
      await audit.append({
        type: CTI_AUDIT_EVENT.extensionSet,
        actor: request.principal!.user.id,
        subject: user.email,
        data: { extension },
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/v1/cti/calls',
    { config: { permission: 'directory.read' }, schema: { querystring: CallsQuery, response: { 200: CallList } } },
    async (request) => ({ calls: (await store.recentCalls(request.query.limit)).map(toCallView) }),
  );

  app.post(
    '/v1/cti/calls/:id/attach',
    {
      config: { permission: 'directory.write' },
      schema: { params: IdParams, body: AttachNumber, response: { 200: CallView } },
    },
    async (request) => {
      const call = await store.getCall(request.params.id);
      if (!call)
        throw new AppError('not_found', `There is no call "${request.params.id}" in the call log. Refresh it.`, 'id');
      const number = call.direction === 'in' ? call.from_number : call.to_number;
      if (!/\d/.test(number))
        throw new AppError('bad_request', 'This call has no number to attach (the caller withheld it).', 'id');
      const profile = await directory.get('profile', request.body.profileId);
      if (!profile)
        throw new AppError(
          'not_found',
          `profileId: there is no person "${request.body.profileId}". Choose one from the directory.`,
          'profileId',
        );
      const site = await directory.get('site', profile.siteId);
      await directory.upsertProfile({
        ...profile,
        phones: [...profile.phones, { number, type: 'office', country: site?.country }],
      });
      const identification = {
        identified: true,
        ambiguous: false,
        siteId: profile.siteId,
        siteName: site?.name ?? null,
        companyName: site?.companyName ?? null,
        profileId: profile.id,
        personName: `${profile.firstName} ${profile.lastName}`,
        e164: null,
      };
      await store.updateCall(call.id, { identification: JSON.stringify(identification) });
      await audit.append({
        type: CTI_AUDIT_EVENT.numberAttached,
        actor: request.principal!.user.id,
        subject: profile.id,
        data: { callId: call.id, number, siteId: profile.siteId },
      });
      return toCallView({ ...call, identification: JSON.stringify(identification) });
    },
  );
};
