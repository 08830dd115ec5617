import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/useServices.js';
import { readSyncMeta, type SyncMeta } from '../../db/CallsignDb.js';

/** The cache's sync bookkeeping, live (undefined while loading). */
export function useSyncMeta(): SyncMeta | undefined {
  const { db } = useServices();
  return useLiveQuery(() => readSyncMeta(db), [db]);
}
