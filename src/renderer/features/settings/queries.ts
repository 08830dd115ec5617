/** Settings (theme, locale, server URL) live in main's settings store, not in localStorage. */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';

export const settingsKeys = {
  all: ['settings'] as const,
  current: () => [...settingsKeys.all, 'current'] as const,
};

export const settingsQueries = {
  current: (api: CallsignApi) =>
    queryOptions({
      queryKey: settingsKeys.current(),
      queryFn: () => api.invoke('settings.get', {}),
      staleTime: Infinity,
    }),
};
