/**
 * Types of the approval workflow (APPROVALS.md §4): the events a technician records during the call
 * and the states the workflow moves through. Events are parsed with `WorkflowEvent` wherever they
 * cross a boundary (IPC, the approval record). `at` is the ISO time the event happened; the state
 * machine ignores it and only keeps it in `history` for the record.
 */
import { z } from 'zod';
import type { Decision, DialStep } from './schemas.js';

const at = z.iso.datetime({ offset: true }).optional();
const note = z.string().default('');

export const DialResult = z.enum(['answered', 'no_answer', 'busy', 'wrong_number']);
export type DialResult = z.infer<typeof DialResult>;

export const WorkflowEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('callerCodeSent'), at }),
  z.object({ type: z.literal('callerCodeChecked'), ok: z.boolean(), at }),
  z.object({ type: z.literal('dialed'), approver: z.string(), number: z.string(), result: DialResult, at }),
  z.object({ type: z.literal('approverCodeChecked'), ok: z.boolean(), at }),
  z.object({ type: z.literal('approverDecided'), decision: z.enum(['approved', 'denied']), note, at }),
  z.object({ type: z.literal('escalated'), note, at }),
  z.object({ type: z.literal('cancelled'), note, at }),
]);
export type WorkflowEvent = z.input<typeof WorkflowEvent>;
export type WorkflowEventType = WorkflowEvent['type'];

export const FINAL_STATUSES = [
  'completed',
  'approved',
  'denied',
  'waiting_for_approver',
  'escalated_tier4',
  'escalated_partner',
  'blocked',
  'auth_failed',
  'cancelled',
] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export const ACTIVE_STATUSES = [
  /** An SMS code goes to the caller; they read it back. */
  'authenticating_caller',
  /** Working through the planned dial attempts. */
  'calling',
  /** The approver answered and must read back their SMS code. */
  'authenticating_approver',
  /** The approver was reached (and authenticated if required) and must approve or deny. */
  'awaiting_decision',
  /** tier4 / escalate_partner: the technician escalates the ticket. */
  'awaiting_escalation',
] as const;
export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type WorkflowStatus = ActiveStatus | FinalStatus;

/** A code check may fail this many times (per person) before the workflow ends in `auth_failed` **(choice)**. */
export const MAX_CODE_FAILURES = 3;

/** Immutable: `apply` returns a new state. */
export interface WorkflowState {
  readonly decision: Decision;
  readonly status: WorkflowStatus;
  readonly callerCodeSent: boolean;
  readonly callerFailures: number;
  /** Planned dial attempts used so far (index of the next one). */
  readonly dialsMade: number;
  /** The dial step whose approver answered. */
  readonly reached: DialStep | null;
  readonly approverFailures: number;
  /** Every event applied, in order. */
  readonly history: readonly WorkflowEvent[];
}

export type WorkflowErrorCode =
  'invalid_decision' | 'already_final' | 'unexpected_event' | 'code_not_sent' | 'unplanned_dial';

/** Thrown by `apply` for an event the current state does not allow; the state is left unchanged. */
export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
  }
}
