import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/useServices.js';
import { uploadStatus } from '../../db/approvalOutbox.js';

/** Records not uploaded yet, live: how many wait, and how many the server refused. */
export function usePendingUploadCount(): { waiting: number; failed: number } {
  const { db } = useServices();
  return (
    useLiveQuery(async () => {
      const rows = await db.approvals.where('uploadState').equals('pending').toArray();
      return { waiting: rows.length, failed: rows.filter((r) => uploadStatus(r) === 'failed').length };
    }, [db]) ?? { waiting: 0, failed: 0 }
  );
}
