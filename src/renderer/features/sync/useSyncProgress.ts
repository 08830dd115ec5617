import { useSyncExternalStore } from 'react';
import { useServices } from '../../app/useServices.js';

export function useSyncProgress() {
  const { syncProgress } = useServices();
  return useSyncExternalStore(syncProgress.subscribe, syncProgress.getSnapshot);
}
