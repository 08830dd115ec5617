/**
 * What the renderer's features get from the boot: the IPC API (through thin hooks only), the offline
 * cache, the in-memory directory index and the sync progress. Passed down by context so tests can
 * provide fakes.
 */
import { createContext } from 'react';
import type { CallsignApi } from '../../shared/ipc/contract.js';
import type { CallsignDb } from '../db/CallsignDb.js';
import type { DirectoryIndexStore } from '../features/lookup/DirectoryIndexStore.js';
import type { SyncProgressStore } from '../features/sync/SyncProgressStore.js';
import type { PageWriter } from '../db/pageWriter.js';

export interface Services {
  api: CallsignApi;
  db: CallsignDb;
  directory: DirectoryIndexStore;
  syncProgress: SyncProgressStore;
  /** Writes sync pages off the main thread (the sync worker); absent: written in-thread. */
  pageWriter?: PageWriter;
}

export const ServicesContext = createContext<Services | null>(null);
