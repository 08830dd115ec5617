import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { referenceQueries } from './queries.js';

export function useReference(id: string) {
  const { db } = useServices();
  const version = useDirectoryVersion();
  return useQuery(referenceQueries.byId(db, id, version));
}
