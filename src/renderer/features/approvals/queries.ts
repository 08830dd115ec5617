/**
 * Approvals queries. The wizard's context comes from the offline cache (works offline); the demo
 * SMS outbox comes from the server through IPC `outbox.list`. Local records are read live with
 * Dexie (useApprovalRows / usePendingUploadCount).
 */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { loadWizardContext } from './loadWizardContext.js';

export const DEMO_OUTBOX_INTERVAL_MS = 3_000;

export const approvalKeys = {
  all: ['approvals'] as const,
  wizard: (siteId: string, profileId: string) => [...approvalKeys.all, 'wizard', siteId, profileId] as const,
  demoOutbox: () => [...approvalKeys.all, 'demoOutbox'] as const,
};

export const approvalQueries = {
  wizardContext: (db: CallsignDb, siteId: string, profileId: string | undefined) =>
    queryOptions({
      queryKey: approvalKeys.wizard(siteId, profileId ?? ''),
      queryFn: () => loadWizardContext(db, siteId, profileId || undefined),
      // A call's rules are read once when the wizard opens; the next wizard reads them again.
      staleTime: Infinity,
      gcTime: 0,
    }),
  demoOutbox: (api: CallsignApi) =>
    queryOptions({
      queryKey: approvalKeys.demoOutbox(),
      queryFn: async () => {
        try {
          return await api.invoke('outbox.list', {});
        } catch (err) {
          throw toAppError(err);
        }
      },
      refetchInterval: DEMO_OUTBOX_INTERVAL_MS,
      retry: false,
    }),
};
