/** References from the offline cache; keys carry the directory version so views follow sync. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { getReference, referencesForSite } from '../../db/referenceChunks.js';

export const referenceKeys = {
  all: ['references'] as const,
  forSite: (siteId: string, version: number) => [...referenceKeys.all, 'site', siteId, version] as const,
  byId: (id: string, version: number) => [...referenceKeys.all, 'id', id, version] as const,
};

export const referenceQueries = {
  /** Assigned to the site, plus those assigned to all sites (sorted for display by useSiteReferences). */
  forSite: (db: CallsignDb, siteId: string, version: number) =>
    queryOptions({
      queryKey: referenceKeys.forSite(siteId, version),
      queryFn: async () => {
        return referencesForSite(db, siteId);
      },
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
  byId: (db: CallsignDb, id: string, version: number) =>
    queryOptions({
      queryKey: referenceKeys.byId(id, version),
      queryFn: async () => (await getReference(db, id)) ?? null,
      staleTime: Infinity,
    }),
};
