/**
 * The approval workflow (APPROVALS.md §4): a pure state machine that starts from a Decision and
 * consumes what happened on the call. `apply` never skips a required step: caller authentication
 * comes first, then the planned dial attempts strictly in order (never a third), then the approver's
 * code (if required), then their decision. An illegal event throws a `WorkflowError` and the state
 * passed in stays valid (states are immutable).
 */
import { MAX_DIALS } from './callPlan.js';
import type { Decision, DialStep } from './schemas.js';
import {
  FINAL_STATUSES,
  MAX_CODE_FAILURES,
  WorkflowError,
  type FinalStatus,
  type WorkflowEvent,
  type WorkflowEventType,
  type WorkflowState,
  type WorkflowStatus,
} from './workflowTypes.js';

export function isFinal(state: Pick<WorkflowState, 'status'>): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(state.status);
}

export function plannedDials(decision: Decision): DialStep[] {
  return decision.steps.filter((s): s is DialStep => s.kind === 'dial');
}

export function callerAuthRequired(decision: Decision): boolean {
  return decision.steps.some((s) => s.kind === 'authenticate_caller');
}

/** Where a passed caller check leads. */
function afterCallerAuth(decision: Decision): WorkflowStatus {
  return decision.outcome === 'proceed' ? 'completed' : 'calling';
}

export function start(decision: Decision): WorkflowState {
  const dials = plannedDials(decision);
  if (dials.length > MAX_DIALS)
    throw new WorkflowError('invalid_decision', `a decision may plan at most ${MAX_DIALS} dial attempts`);
  if (decision.outcome === 'approval_required' && dials.length === 0) {
    throw new WorkflowError(
      'invalid_decision',
      'an approval_required decision needs at least one planned dial attempt',
    );
  }
  let status: WorkflowStatus;
  switch (decision.outcome) {
    case 'blocked':
      status = 'blocked';
      break;
    case 'tier4':
    case 'escalate_partner':
      status = 'awaiting_escalation';
      break;
    default:
      status = callerAuthRequired(decision) ? 'authenticating_caller' : afterCallerAuth(decision);
  }
  return {
    decision,
    status,
    callerCodeSent: false,
    callerFailures: 0,
    dialsMade: 0,
    reached: null,
    approverFailures: 0,
    history: [],
  };
}

/** The events `apply` accepts in this state (for enabling buttons). Empty once final. */
export function expectedEvents(state: WorkflowState): WorkflowEventType[] {
  switch (state.status) {
    case 'authenticating_caller':
      return state.callerCodeSent
        ? ['callerCodeSent', 'callerCodeChecked', 'cancelled']
        : ['callerCodeSent', 'cancelled'];
    case 'calling':
      return ['dialed', 'cancelled'];
    case 'authenticating_approver':
      return ['approverCodeChecked', 'cancelled'];
    case 'awaiting_decision':
      return ['approverDecided', 'cancelled'];
    case 'awaiting_escalation':
      return ['escalated', 'cancelled'];
    default:
      return [];
  }
}

function reject(state: WorkflowState, event: WorkflowEvent): never {
  if (isFinal(state))
    throw new WorkflowError(
      'already_final',
      `the workflow has ended (${state.status}); ${event.type} cannot change it`,
    );
  if (event.type === 'callerCodeChecked' && state.status === 'authenticating_caller') {
    throw new WorkflowError('code_not_sent', 'send the caller a code before checking it');
  }
  const expected = expectedEvents(state).join(', ');
  throw new WorkflowError(
    'unexpected_event',
    `${event.type} is not allowed while ${state.status}; expected one of: ${expected}`,
  );
}

/** A failed code check: count it and end in auth_failed at the limit. */
function failedCheck(failures: number): { failures: number; final?: FinalStatus } {
  const next = failures + 1;
  return next >= MAX_CODE_FAILURES ? { failures: next, final: 'auth_failed' } : { failures: next };
}

export function apply(state: WorkflowState, event: WorkflowEvent): WorkflowState {
  if (!expectedEvents(state).includes(event.type)) reject(state, event);
  const history = [...state.history, event];
  const { decision } = state;
  switch (event.type) {
    case 'cancelled':
      return { ...state, history, status: 'cancelled' };
    case 'escalated':
      return { ...state, history, status: decision.outcome === 'tier4' ? 'escalated_tier4' : 'escalated_partner' };
    case 'callerCodeSent':
      return { ...state, history, callerCodeSent: true };
    case 'callerCodeChecked': {
      if (event.ok) return { ...state, history, status: afterCallerAuth(decision) };
      const { failures, final } = failedCheck(state.callerFailures);
      return { ...state, history, callerFailures: failures, status: final ?? state.status };
    }
    case 'dialed': {
      const dials = plannedDials(decision);
      const planned = dials[state.dialsMade];
      if (!planned || planned.approver !== event.approver || planned.number !== event.number) {
        const what = planned ? `${planned.approver} at ${planned.number}` : 'nothing';
        throw new WorkflowError(
          'unplanned_dial',
          `dial attempts follow the call plan; the next planned attempt is ${what}`,
        );
      }
      const dialsMade = state.dialsMade + 1;
      if (event.result === 'answered') {
        return {
          ...state,
          history,
          dialsMade,
          reached: planned,
          status: planned.authenticate ? 'authenticating_approver' : 'awaiting_decision',
        };
      }
      // Every planned attempt unanswered: the ticket waits until the approver responds.
      return { ...state, history, dialsMade, status: dialsMade >= dials.length ? 'waiting_for_approver' : 'calling' };
    }
    case 'approverCodeChecked': {
      if (event.ok) return { ...state, history, status: 'awaiting_decision' };
      const { failures, final } = failedCheck(state.approverFailures);
      return { ...state, history, approverFailures: failures, status: final ?? state.status };
    }
    case 'approverDecided':
      return { ...state, history, status: event.decision };
  }
}

/** Applies events in order (e.g. to rebuild a state from a stored record); throws on the first illegal one. */
export function replay(decision: Decision, events: readonly WorkflowEvent[]): WorkflowState {
  return events.reduce(apply, start(decision));
}
