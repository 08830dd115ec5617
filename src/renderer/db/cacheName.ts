/** The offline cache's IndexedDB database (CallsignDb.ts; read early by boot/prefetchCache.ts). No imports: the boot entry stays tiny. */
export const CACHE_DB_NAME = 'callsign-cache';
