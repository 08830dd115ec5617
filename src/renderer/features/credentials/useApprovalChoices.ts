import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/useServices.js';
import { useCaller } from '../lookup/useCaller.js';
import { approvalChoices, type ApprovalChoices } from './approvalChoices.js';

/** This site's recent approvals to proceed from the local history, with this call's one preselected. */
export function useApprovalChoices(siteId: string): ApprovalChoices | undefined {
  const { db } = useServices();
  const { caller } = useCaller();
  const profileId = caller?.candidate.profileId;
  const since = caller?.at;
  return useLiveQuery(async () => {
    const rows = await db.approvals.where('record.siteId').equals(siteId).toArray();
    return approvalChoices(
      rows.map((r) => r.record),
      siteId,
      since === undefined ? undefined : { profileId, since },
    );
  }, [db, siteId, profileId, since]);
}
