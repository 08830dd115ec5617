import { useSyncExternalStore } from 'react';
import { useServices } from '../../app/useServices.js';

/** Re-renders when the in-memory directory changes (loaded, or a sync page applied). */
export function useDirectoryVersion(): number {
  const { directory } = useServices();
  return useSyncExternalStore(directory.subscribe, directory.getVersion);
}
