/**
 * Administration queries: the account list from the server through IPC `admin.users` (in memory
 * only; nothing is cached offline). The audit chain lives in audit/queries. Everyone's devices come from account/queries
 * (`devices.list` scope all), so one revoke refreshes both device lists.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
};

export const adminQueries = {
  users: (api: CallsignApi) =>
    queryOptions({
      queryKey: adminKeys.users(),
      queryFn: async () => {
        try {
          return (await api.invoke('admin.users', {})).users;
        } catch (err) {
          throw toAppError(err);
        }
      },
      staleTime: 30_000,
    }),
};
