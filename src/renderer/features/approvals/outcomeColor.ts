import type { Outcome } from '../../../shared/approvals/schemas.js';
import type { FinalState } from '../../../shared/api/approvals.js';

type Color = 'success' | 'warning' | 'error' | 'info';

/** Status colours for outcomes and final states; the words always say the same thing. */
export const OUTCOME_COLOR: Record<Outcome, Color> = {
  proceed: 'success',
  approval_required: 'info',
  tier4: 'warning',
  escalate_partner: 'warning',
  blocked: 'error',
};

export const FINAL_COLOR: Record<FinalState, Color> = {
  completed: 'success',
  approved: 'success',
  denied: 'error',
  waiting_for_approver: 'warning',
  escalated_tier4: 'warning',
  escalated_partner: 'warning',
  blocked: 'error',
  auth_failed: 'error',
  cancelled: 'info',
};
