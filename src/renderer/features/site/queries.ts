/**
 * Site view data read from the offline cache. Keys carry the in-memory directory's version, which
 * bumps on every applied sync page, so the views follow sync without polling.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { profilesOfSite } from '../../db/profileBundles.js';

export const siteKeys = {
  all: ['site'] as const,
  site: (siteId: string) => [...siteKeys.all, siteId] as const,
  people: (siteId: string, version: number) => [...siteKeys.site(siteId), 'people', version] as const,
  policy: (siteId: string, version: number) => [...siteKeys.site(siteId), 'policy', version] as const,
};

export const siteQueries = {
  /** The site's client profiles (unsorted; the table sorts). */
  people: (db: CallsignDb, siteId: string, version: number) =>
    queryOptions({
      queryKey: siteKeys.people(siteId, version),
      queryFn: () => profilesOfSite(db, siteId),
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
  /** The site's approval rules and unlicensed software list; null when none was synced. */
  policy: (db: CallsignDb, siteId: string, version: number) =>
    queryOptions({
      queryKey: siteKeys.policy(siteId, version),
      queryFn: async () => (await db.policies.get(siteId)) ?? null,
      staleTime: Infinity,
      placeholderData: keepPreviousData,
    }),
};
