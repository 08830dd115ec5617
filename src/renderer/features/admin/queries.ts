/**
 * Administration queries: the account list from the server through IPC `admin.users` and the audit
 * chain through `audit.list`, newest first, 100 entries a page (both in memory only; nothing is
 * cached offline). Everyone's devices come from account/queries
 * (`devices.list` scope all), so one revoke refreshes both device lists.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  auditList: (type: string | null) => [...adminKeys.audit(), 'list', type ?? 'all'] as const,
};

export const AUDIT_PAGE = 100;

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
  /** Newest first; each page's `next` is the `before` of the following page (undefined = the end). */
  audit: (api: CallsignApi, type: string | null) =>
    infiniteQueryOptions({
      queryKey: adminKeys.auditList(type),
      queryFn: async ({ pageParam }) => {
        try {
          return await api.invoke('audit.list', {
            limit: AUDIT_PAGE,
            ...(pageParam !== undefined ? { before: pageParam } : {}),
            ...(type ? { type } : {}),
          });
        } catch (err) {
          throw toAppError(err);
        }
      },
      initialPageParam: undefined as number | undefined,
      getNextPageParam: (last) => last.next ?? undefined,
      staleTime: 15_000,
    }),
};
