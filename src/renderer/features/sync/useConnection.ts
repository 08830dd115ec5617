import { useEffect, useRef } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionStatus } from '../../../shared/ipc/contract.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { syncKeys } from './queries.js';

const connectionKey = ['connection'] as const;

/**
 * Server reachability from main (heartbeat every 2 s when nothing else answered): the initial state
 * by request, then every change as it is pushed. When the server answers again, the directory syncs
 * at once instead of at the next minute.
 */
export function useConnection(): ConnectionStatus | undefined {
  const { api } = useServices();
  const qc = useQueryClient();
  const query = useQuery(
    queryOptions({
      queryKey: connectionKey,
      queryFn: async () => {
        try {
          return await api.invoke('connection.status', {});
        } catch (err) {
          throw toAppError(err);
        }
      },
      staleTime: Infinity,
    }),
  );
  const wasOnline = useRef(true);
  useEffect(
    () =>
      api.on('connection.changed', (status) => {
        qc.setQueryData(connectionKey, status);
        // A run still under way (retrying mid first sync) carries on instead of being cancelled and
        // run twice: syncDirectory ignores the abort, so a second run would race the first.
        if (status.online && !wasOnline.current)
          void qc.invalidateQueries({ queryKey: syncKeys.directory() }, { cancelRefetch: false });
        wasOnline.current = status.online;
      }),
    [api, qc],
  );
  return query.data;
}
