import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { favouriteQueries } from './queries.js';

export function useRecents() {
  const { db } = useServices();
  return useQuery(favouriteQueries.recents(db));
}
