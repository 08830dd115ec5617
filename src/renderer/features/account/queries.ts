/**
 * Device lists from the server through IPC `devices.list` (nothing here is cached offline: the
 * lists are only as fresh as the last server answer, and only in memory). Keys: `['devices', scope]`,
 * so a revoke invalidates both the own and the admin list.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export type DeviceScope = 'own' | 'all';

export const deviceKeys = {
  all: ['devices'] as const,
  list: (scope: DeviceScope) => [...deviceKeys.all, scope] as const,
};

export const deviceQueries = {
  list: (api: CallsignApi, scope: DeviceScope) =>
    queryOptions({
      queryKey: deviceKeys.list(scope),
      queryFn: async () => {
        try {
          return (await api.invoke('devices.list', { scope })).devices;
        } catch (err) {
          throw toAppError(err);
        }
      },
      staleTime: 30_000,
    }),
};
