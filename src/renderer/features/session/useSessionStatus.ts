import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { sessionQueries } from './queries.js';

export function useSessionStatus() {
  const { api } = useServices();
  return useQuery(sessionQueries.status(api));
}
