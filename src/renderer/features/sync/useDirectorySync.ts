import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { sessionKeys } from '../session/queries.js';
import { syncQueries } from './queries.js';
import { useRemoteWipe } from '../session/useRemoteWipe.js';

/** Subscribes to the directory sync; a sync refused for lack of a session sends the user to sign in. */
export function useDirectorySync() {
  const services = useServices();
  const qc = useQueryClient();
  const query = useQuery(syncQueries.directory(services));
  const code = query.error?.code;
  useRemoteWipe(code);
  useEffect(() => {
    if (code === 'not_signed_in' || code === 'unauthorized')
      void qc.invalidateQueries({ queryKey: sessionKeys.status() });
  }, [code, qc]);
  return query;
}
