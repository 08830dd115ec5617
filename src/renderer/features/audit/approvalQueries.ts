/**
 * The supervisors' approval review (issue 15): the filtered list through IPC `audit.approvals` (keyset
 * pages of APPROVAL_PAGE rows), one record through `audit.approval`, the chart numbers through
 * `audit.approvalStats`. All in memory only: nothing of the review is cached offline.
 */
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { auditKeys } from './queries.js';

/** Rows per request: big enough that a fast scroll rarely waits, small enough to answer in ~50 ms. */
export const APPROVAL_PAGE = 200;

export const approvalKeys = {
  all: () => [...auditKeys.all, 'approvals'] as const,
  list: (filter: ApprovalFilter) => [...approvalKeys.all(), 'list', filter] as const,
  stats: (filter: ApprovalFilter) => [...approvalKeys.all(), 'stats', filter] as const,
  detail: (id: string) => [...approvalKeys.all(), 'detail', id] as const,
};

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toAppError(err);
  }
}

export const approvalQueries = {
  /** Newest first; each page's `nextCursor` is the `cursor` of the following page (null = the end). */
  list: (api: CallsignApi, filter: ApprovalFilter) =>
    infiniteQueryOptions({
      queryKey: approvalKeys.list(filter),
      queryFn: ({ pageParam }) =>
        call(() =>
          api.invoke('audit.approvals', {
            ...filter,
            limit: APPROVAL_PAGE,
            ...(pageParam !== undefined ? { cursor: pageParam } : {}),
          }),
        ),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      staleTime: 30_000,
    }),
  stats: (api: CallsignApi, filter: ApprovalFilter) =>
    queryOptions({
      queryKey: approvalKeys.stats(filter),
      queryFn: () => call(() => api.invoke('audit.approvalStats', filter)),
      staleTime: 30_000,
      // The charts keep their last picture while a new filter loads, instead of flashing empty.
      placeholderData: keepPreviousData,
    }),
  detail: (api: CallsignApi, id: string) =>
    queryOptions({
      queryKey: approvalKeys.detail(id),
      queryFn: () => call(() => api.invoke('audit.approval', { id })),
      staleTime: 60_000,
    }),
};
