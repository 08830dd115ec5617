/**
 * Directory administration reads, fresh from the server through IPC `admin.directoryList` (not the
 * offline cache: an administrator edits what the server has now). Lists load every page; a site's
 * profiles are one `siteId`-filtered list. Nothing here is cached offline.
 */
import { queryOptions } from '@tanstack/react-query';
import type { AdminCollection, AdminRecordOf } from '../../../shared/admin/directoryAdmin.js';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export const directoryAdminKeys = {
  all: ['directoryAdmin'] as const,
  collection: (c: AdminCollection) => [...directoryAdminKeys.all, c] as const,
  list: (c: AdminCollection, siteId: string | null) => [...directoryAdminKeys.collection(c), siteId ?? 'all'] as const,
};

const PAGE = 1000;

export async function listAll<C extends AdminCollection>(
  api: CallsignApi,
  collection: C,
  siteId?: string,
): Promise<AdminRecordOf[C][]> {
  const items: AdminRecordOf[C][] = [];
  let after: string | undefined;
  try {
    for (;;) {
      const page = await api.invoke('admin.directoryList', {
        collection,
        limit: PAGE,
        ...(siteId ? { siteId } : {}),
        ...(after ? { after } : {}),
      });
      items.push(...(page.items as AdminRecordOf[C][]));
      if (!page.next) return items;
      after = page.next;
    }
  } catch (err) {
    throw toAppError(err);
  }
}

export const directoryAdminQueries = {
  list: <C extends AdminCollection>(api: CallsignApi, collection: C, siteId?: string) =>
    queryOptions({
      queryKey: directoryAdminKeys.list(collection, siteId ?? null),
      queryFn: () => listAll(api, collection, siteId),
      staleTime: 15_000,
    }),
};
