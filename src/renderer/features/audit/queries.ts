/**
 * Audit queries: the server's audit chain through IPC `audit.list`, newest first, 100 entries a page
 * (in memory only; nothing is cached offline).
 */
import { infiniteQueryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export const auditKeys = {
  all: ['audit'] as const,
  trail: () => [...auditKeys.all, 'trail'] as const,
  trailList: (type: string | null, start?: number) =>
    [...auditKeys.trail(), 'list', type ?? 'all', start ?? 'newest'] as const,
};

export const AUDIT_PAGE = 100;

export const auditQueries = {
  /**
   * Newest first; each page's `next` is the `before` of the following page (undefined = the end).
   * `start`: begin at that entry (a link from an approval record) instead of the newest.
   */
  audit: (api: CallsignApi, type: string | null, start?: number) =>
    infiniteQueryOptions({
      queryKey: auditKeys.trailList(type, start),
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
      initialPageParam: (start === undefined ? undefined : start + 1) as number | undefined,
      getNextPageParam: (last) => last.next ?? undefined,
      staleTime: 15_000,
    }),
};
