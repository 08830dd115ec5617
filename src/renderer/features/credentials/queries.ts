/**
 * Credentials queries. The tab lists accounts from the offline cache (useSiteCredentials, live from
 * Dexie); `fresh` asks the server for the site's current list when online and writes it into the
 * cache (metadata only — no secret ever comes through here), so lease state after a check-out shows
 * without waiting for the next sync. No query here ever holds a password.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import type { CallsignDb } from '../../db/CallsignDb.js';

export const credentialKeys = {
  all: ['credentials'] as const,
  fresh: (siteId: string) => [...credentialKeys.all, 'fresh', siteId] as const,
};

export const credentialQueries = {
  /** Refreshes the cached accounts of one site from the server; resolves with when it did. */
  fresh: (api: CallsignApi, db: CallsignDb, siteId: string) =>
    queryOptions({
      queryKey: credentialKeys.fresh(siteId),
      queryFn: async () => {
        let list;
        try {
          list = await api.invoke('credentials.list', { siteId });
        } catch (err) {
          throw toAppError(err);
        }
        await db.transaction('rw', db.credentials, async () => {
          const keep = new Set(list.map((c) => c.id));
          const gone = (await db.credentials.where('siteId').equals(siteId).primaryKeys()).filter(
            (id) => !keep.has(id),
          );
          await db.credentials.bulkDelete(gone);
          await db.credentials.bulkPut(list);
        });
        return { fetchedAt: Date.now(), count: list.length };
      },
      retry: false,
      staleTime: 30_000,
    }),
};
