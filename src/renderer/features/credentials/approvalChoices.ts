/**
 * Which local approval records a check-out may link to: this site's recent records whose outcome lets
 * the work proceed (the server refuses another site's, or one that does not proceed), newest first.
 * The one made on this call — same caller, after the caller was identified — is preselected.
 */
import type { ApprovalRecord } from '../../../shared/api/approvals.js';

/** Final states that mean "go ahead" (APPROVALS.md §4). */
const PROCEED = new Set<ApprovalRecord['finalState']>(['completed', 'approved']);
export const RECENT_APPROVALS = 10;

export interface ApprovalChoices {
  records: ApprovalRecord[];
  preselectedId: string | undefined;
}

export function approvalChoices(
  records: readonly ApprovalRecord[],
  siteId: string,
  caller: { profileId?: string | undefined; since: number } | undefined,
): ApprovalChoices {
  const eligible = records
    .filter((r) => r.siteId === siteId && PROCEED.has(r.finalState))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
    .slice(0, RECENT_APPROVALS);
  const onThisCall = caller
    ? eligible.find(
        (r) =>
          Date.parse(r.createdAt) >= caller.since &&
          (caller.profileId === undefined || ('profileId' in r.caller && r.caller.profileId === caller.profileId)),
      )
    : undefined;
  return { records: eligible, preselectedId: onThisCall?.id };
}
