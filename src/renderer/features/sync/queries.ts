/**
 * The directory sync as a TanStack query: runs when the signed-in shell mounts, every 60 s and when
 * the window regains focus. Concurrent triggers share one run (same key), so pages never race.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Services } from '../../app/services.js';
import { toAppError } from '../../app/toAppError.js';
import { syncDirectory } from './syncDirectory.js';

export const SYNC_INTERVAL_MS = 60_000;

export const syncKeys = {
  all: ['sync'] as const,
  directory: () => [...syncKeys.all, 'directory'] as const,
};

export const syncQueries = {
  directory: ({ api, db, directory, syncProgress, pageWriter }: Services) =>
    queryOptions({
      queryKey: syncKeys.directory(),
      queryFn: async () => {
        try {
          return await syncDirectory({
            api,
            db,
            directory,
            ...(pageWriter ? { writer: pageWriter } : {}),
            onProgress: (p) => syncProgress.progress(p),
          });
        } catch (err) {
          throw toAppError(err);
        } finally {
          syncProgress.finish();
        }
      },
      staleTime: 0,
      refetchInterval: SYNC_INTERVAL_MS,
      refetchIntervalInBackground: true,
      refetchOnWindowFocus: true,
      retry: false,
    }),
};
