import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, Settings } from '../../../shared/ipc/contract.js';
import { useServices } from '../../app/useServices.js';
import { settingsKeys } from './queries.js';

/** Saves a settings patch through main; updates the cached settings optimistically. */
export function useUpdateSettings() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: RequestOf<'settings.set'>) => api.invoke('settings.set', patch),
    onMutate: (patch) => {
      const prev = qc.getQueryData<Settings>(settingsKeys.current());
      if (prev) qc.setQueryData(settingsKeys.current(), { ...prev, ...patch });
      return { prev };
    },
    onError: (_e, _p, ctx) => {
      if (ctx?.prev) qc.setQueryData(settingsKeys.current(), ctx.prev);
    },
    onSuccess: (s) => qc.setQueryData(settingsKeys.current(), s),
  });
}
