/**
 * Which questions the wizard asks for an action: only what the rules of APPROVALS.md §3 read.
 * Everything else keeps the engine's defaults (subject self, target workstation, managed machine).
 */
import { getAction } from '../../../shared/approvals/catalogue.js';
import { ApprovalRequest, type Subject, type Target } from '../../../shared/approvals/schemas.js';

export type Question = 'subject' | 'target' | 'software' | 'unmanaged';

export interface Answers {
  subject: Subject;
  target: Target;
  software: string;
  unmanagedMachine: boolean;
}

export const DEFAULT_ANSWERS: Answers = {
  subject: 'self',
  target: 'workstation',
  software: '',
  unmanagedMachine: false,
};

export function questionsFor(actionId: string): Question[] {
  const action = getAction(actionId);
  if (!action) return [];
  if (actionId === 'password.reset' || actionId === 'password.mfa_change') return ['subject'];
  if (action.category === 'software_installation') return ['target', 'software'];
  if (actionId === 'rmm.install') return ['unmanaged'];
  return [];
}

/** The engine request for the answers given; questions not asked for this action are left out. */
export function requestFor(
  siteId: string,
  actionId: string,
  callerProfileId: string | undefined,
  answers: Answers,
): ApprovalRequest {
  const asked = new Set(questionsFor(actionId));
  return ApprovalRequest.parse({
    siteId,
    action: actionId,
    callerProfileId,
    ...(asked.has('subject') ? { subject: answers.subject } : {}),
    ...(asked.has('target') ? { target: answers.target } : {}),
    ...(asked.has('software') ? { software: answers.software } : {}),
    ...(asked.has('unmanaged') ? { unmanagedMachine: answers.unmanagedMachine } : {}),
  });
}
