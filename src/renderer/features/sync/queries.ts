/**
 * The directory sync as a TanStack query: runs when the signed-in shell mounts, every 60 s and when
 * the window regains focus. Runs never overlap, so pages never race: triggers while nothing has been
 * fetched yet share the run (same key), and a refetch or invalidation that cancels a run under way
 * (TanStack's `cancelRefetch`) waits for it, then gets a run of its own (serialRuns.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import type { Services } from '../../app/services.js';
import { toAppError } from '../../app/toAppError.js';
import { credentialScopeOf } from '../../db/credentialScope.js';
import { serialRuns } from './serialRuns.js';
import { syncDirectory, type SyncResult } from './syncDirectory.js';

export const SYNC_INTERVAL_MS = 60_000;

export const syncKeys = {
  all: ['sync'] as const,
  directory: () => [...syncKeys.all, 'directory'] as const,
};

/** One serial runner per app (its services), whichever component builds the query options. */
const runners = new WeakMap<Services, () => Promise<SyncResult>>();

function directorySync(services: Services): () => Promise<SyncResult> {
  let runner = runners.get(services);
  if (!runner) {
    const { api, db, directory, syncProgress, pageWriter } = services;
    runner = serialRuns(async () => {
      try {
        return await syncDirectory({
          api,
          db,
          directory,
          credentialScope: async () => {
            const { user } = await api.invoke('session.status', {});
            return user ? credentialScopeOf(user.role) : undefined;
          },
          ...(pageWriter ? { writer: pageWriter } : {}),
          onProgress: (p) => syncProgress.progress(p),
        });
      } catch (err) {
        throw toAppError(err);
      } finally {
        syncProgress.finish();
      }
    });
    runners.set(services, runner);
  }
  return runner;
}

export const syncQueries = {
  directory: (services: Services) =>
    queryOptions({
      queryKey: syncKeys.directory(),
      queryFn: directorySync(services),
      staleTime: 0,
      refetchInterval: SYNC_INTERVAL_MS,
      refetchIntervalInBackground: true,
      refetchOnWindowFocus: true,
      retry: false,
    }),
};
