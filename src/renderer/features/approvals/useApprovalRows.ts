import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/useServices.js';
import type { ApprovalRow } from '../../db/CallsignDb.js';
import { listApprovalRows } from '../../db/approvalOutbox.js';

/** This device's approval records, newest first, live (undefined while loading). */
export function useApprovalRows(): ApprovalRow[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await listApprovalRows(db)).reverse(), [db]);
}
