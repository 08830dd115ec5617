import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { settingsQueries } from './queries.js';

export function useSettings() {
  const { api } = useServices();
  return useQuery(settingsQueries.current(api));
}
