import type { CallsignDb } from '../../db/CallsignDb.js';
import type { DirectoryIndexStore } from './DirectoryIndexStore.js';
import type { CachePrefetch } from '../../boot/prefetchCache.js';

/**
 * Reads the offline cache into the in-memory directory at boot. A failure (IndexedDB unavailable or
 * broken) is logged with its cause here and shown by DirectoryLoadNotice; it never rejects, so the
 * rest of the app (approvals history, credentials, admin) keeps working.
 */
export async function loadDirectoryReported(
  directory: DirectoryIndexStore,
  db: CallsignDb,
  prefetched?: Promise<CachePrefetch | undefined>,
): Promise<void> {
  try {
    await directory.load(db, prefetched);
  } catch (err) {
    console.error('Callsign: the offline directory could not be opened; caller lookups and sync are off', err);
  }
}
