/**
 * Devices over HTTP (contract: src/shared/auth/session.ts):
 *  - `GET /v1/devices` — your own devices; with `admin.read` (supervisor, admin) everyone's.
 *  - `DELETE /v1/devices/:id` — revoke: your own device, or anyone's with `accounts.manage` (admin).
 *    The device's next request is answered 401 `device_revoked` and the app wipes its cache.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/api/index.js';
import { DeviceList } from '../../shared/auth/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import { PLATFORM_AUDIT_EVENT } from '../admin/platformAuditEvents.js';
import { principalCan } from '../permissions/installPermissions.js';
import { toDeviceInfo, type DeviceStore } from './DeviceStore.js';

const DeviceParams = z.object({ id: z.string().min(1).max(128) });
const DeviceQuery = z.object({ scope: z.enum(['own', 'all']).optional() });

export const deviceRoutes: FastifyPluginAsyncZod<{ devices: DeviceStore; audit: AuditSink }> = async (
  app,
  { devices, audit },
) => {
  app.get(
    '/v1/devices',
    { config: { permission: 'account.self' }, schema: { querystring: DeviceQuery, response: { 200: DeviceList } } },
    async (request) => {
      const principal = request.principal!;
      const all = principalCan(request, 'admin.read') && request.query.scope !== 'own';
      const rows = await devices.list(all ? undefined : principal.user.id);
      return { devices: rows.map((row) => toDeviceInfo(row, principal.deviceId ?? undefined)) };
    },
  );

  app.delete(
    '/v1/devices/:id',
    { config: { permission: 'account.self' }, schema: { params: DeviceParams } },
    async (request, reply) => {
      const principal = request.principal!;
      const device = await devices.find(request.params.id);
      const own = device?.user_id === principal.user.id;
      if (!device || (!own && !principalCan(request, 'admin.read'))) {
        throw new AppError(
          'not_found',
          `There is no device "${request.params.id}". Refresh the device list and try again.`,
          'id',
        );
      }
      if (!own && !principalCan(request, 'accounts.manage')) {
        throw new AppError('forbidden', 'Only an administrator can revoke another person’s device.');
      }
      if (device.revoked_at === null) {
        await devices.revoke(device.id, principal.user.id);
        await audit.append({
          type: PLATFORM_AUDIT_EVENT.deviceRevoked,
          actor: principal.user.id,
          subject: device.id,
          data: { userId: device.user_id, name: device.name, platform: device.platform },
        });
      }
      return reply.status(204).send();
    },
  );
};
