/** The call log from the server through IPC `cti.calls` (memory only; refreshed by every `cti.call` event). */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';

export const CALL_LOG_SIZE = 100;

export const callKeys = {
  all: ['calls'] as const,
  log: () => [...callKeys.all, 'log'] as const,
};

export const callQueries = {
  log: (api: CallsignApi) =>
    queryOptions({
      queryKey: callKeys.log(),
      queryFn: async () => {
        try {
          return (await api.invoke('cti.calls', { limit: CALL_LOG_SIZE })).calls;
        } catch (err) {
          throw toAppError(err);
        }
      },
      staleTime: 15_000,
    }),
};
