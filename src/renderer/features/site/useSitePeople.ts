import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { siteQueries } from './queries.js';

export function useSitePeople(siteId: string) {
  const { db } = useServices();
  const version = useDirectoryVersion();
  return useQuery(siteQueries.people(db, siteId, version));
}
