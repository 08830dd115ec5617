import type { Outcome } from '../approvals/schemas.js';

/** The decision outcomes in the order the review lists and charts them. */
export const OUTCOMES_IN_ORDER = [
  'proceed',
  'approval_required',
  'tier4',
  'escalate_partner',
  'blocked',
] as const satisfies readonly Outcome[];
