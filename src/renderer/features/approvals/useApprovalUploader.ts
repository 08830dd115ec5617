import { useEffect } from 'react';
import { liveQuery } from 'dexie';
import { useServices } from '../../app/useServices.js';
import { PARKED } from '../../db/approvalOutbox.js';
import { ApprovalUploader } from './uploader.js';

/**
 * Runs the approval uploader while the signed-in shell is mounted: at once, every 30 s, on window
 * focus and whenever a record becomes ready to send (written in this or another tab, or un-parked).
 * Sends only `technicianId`'s records (see uploader.ts).
 */
export function useApprovalUploader(technicianId: string): void {
  const { api, db } = useServices();
  useEffect(() => {
    const uploader = new ApprovalUploader({ api, db, technicianId });
    uploader.start();
    const onFocus = () => void uploader.kick();
    window.addEventListener('focus', onFocus);
    let ready: Set<string> | null = null;
    const sub = liveQuery(() => db.approvals.where('uploadState').equals('pending').toArray()).subscribe({
      next: (rows) => {
        const now = new Set(rows.filter((r) => r.nextAttemptAt < PARKED).map((r) => r.id));
        const fresh = ready !== null && [...now].some((id) => !ready?.has(id));
        ready = now;
        if (fresh) void uploader.kick();
      },
      error: () => undefined,
    });
    return () => {
      sub.unsubscribe();
      window.removeEventListener('focus', onFocus);
      uploader.stop();
    };
  }, [api, db, technicianId]);
}
