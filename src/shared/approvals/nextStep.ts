/**
 * What the technician must do now, for the workflow UI. `text` is English guidance; `kind` and the
 * data beside it are for the UI to render its own (translated) controls.
 */
import { plannedDials } from './workflow.js';
import type { DialStep } from './schemas.js';
import { MAX_CODE_FAILURES, type FinalStatus, type WorkflowState } from './workflowTypes.js';

export type NextStep =
  | { kind: 'send_caller_code'; profileId: string; number: string; text: string }
  | { kind: 'check_caller_code'; profileId: string; number: string; attemptsLeft: number; text: string }
  | { kind: 'dial'; dial: DialStep; attempt: number; of: number; text: string }
  | { kind: 'check_approver_code'; approver: string; attemptsLeft: number; text: string }
  | { kind: 'ask_approver'; approver: string; text: string }
  | { kind: 'escalate'; to: 'tier4' | 'partner'; text: string }
  | { kind: 'done'; status: FinalStatus; text: string };

const DONE_TEXT: Record<FinalStatus, string> = {
  completed: 'No approval is needed: go ahead with the request.',
  approved: 'Approved: go ahead with the request and note the approver in the ticket.',
  denied: 'Denied: tell the caller the request was not approved and close the request.',
  waiting_for_approver: 'No approver answered: set the ticket to waiting until the approver responds.',
  escalated_tier4: 'Escalated to Tier 4.',
  escalated_partner: 'Escalated to the partner.',
  blocked: 'The site never allows this software: tell the caller it cannot be installed.',
  auth_failed: 'Authentication failed three times: do not go ahead; note it in the ticket.',
  cancelled: 'Cancelled.',
};

export function nextStep(state: WorkflowState): NextStep {
  const { decision } = state;
  switch (state.status) {
    case 'authenticating_caller': {
      const step = decision.steps.find((s) => s.kind === 'authenticate_caller');
      const profileId = step?.kind === 'authenticate_caller' ? step.profileId : '';
      const number = step?.number ?? '';
      if (!state.callerCodeSent) {
        return { kind: 'send_caller_code', profileId, number, text: `Send an SMS code to the caller at ${number}.` };
      }
      const attemptsLeft = MAX_CODE_FAILURES - state.callerFailures;
      return {
        kind: 'check_caller_code',
        profileId,
        number,
        attemptsLeft,
        text: `Ask the caller to read back the code (${attemptsLeft} attempts left).`,
      };
    }
    case 'calling': {
      const dials = plannedDials(decision);
      const dial = dials[state.dialsMade] as DialStep;
      const attempt = state.dialsMade + 1;
      return {
        kind: 'dial',
        dial,
        attempt,
        of: dials.length,
        text: `Call ${dial.approver} (${dial.approverKind}) at ${dial.number} (attempt ${attempt} of ${dials.length}).`,
      };
    }
    case 'authenticating_approver': {
      const approver = state.reached?.approver ?? '';
      const attemptsLeft = MAX_CODE_FAILURES - state.approverFailures;
      return {
        kind: 'check_approver_code',
        approver,
        attemptsLeft,
        text: `Send ${approver} an SMS code and ask them to read it back (${attemptsLeft} attempts left).`,
      };
    }
    case 'awaiting_decision': {
      const approver = state.reached?.approver ?? '';
      return {
        kind: 'ask_approver',
        approver,
        text: `Ask ${approver} to approve or deny the request, and note what they say.`,
      };
    }
    case 'awaiting_escalation':
      return decision.outcome === 'tier4'
        ? { kind: 'escalate', to: 'tier4', text: 'Escalate the ticket to Tier 4 for approval.' }
        : {
            kind: 'escalate',
            to: 'partner',
            text: "Escalate the ticket to the partner using the site's notification rule.",
          };
    default:
      return { kind: 'done', status: state.status, text: DONE_TEXT[state.status] };
  }
}
