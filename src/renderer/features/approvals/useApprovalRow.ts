import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/useServices.js';
import type { ApprovalRow } from '../../db/CallsignDb.js';

/** One local record by id, live (null when not written yet, undefined while loading). */
export function useApprovalRow(id: string): ApprovalRow | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await db.approvals.get(id)) ?? null, [db, id]);
}
