/**
 * Turns a finished workflow into the (unlinked) approval record of APPROVALS.md §5. Linking into
 * the device chain happens in db/deviceChain.ts.
 */
import type { ApprovalRequest } from '../../../shared/approvals/schemas.js';
import { isFinal, type WorkflowState } from '../../../shared/approvals/index.js';
import type { FinalState } from '../../../shared/api/approvals.js';
import type { UnlinkedRecord } from '../../db/deviceChain.js';

export type RecordCaller = UnlinkedRecord['caller'];

export interface RecordInput {
  id: string;
  deviceId: string;
  request: ApprovalRequest;
  state: WorkflowState;
  caller: RecordCaller;
  technician: { id: string; name: string };
  ticket?: string;
  createdAt: string;
}

export function buildApprovalRecord(input: RecordInput): UnlinkedRecord {
  const { state } = input;
  if (!isFinal(state)) throw new Error(`the workflow has not ended (${state.status})`);
  const ticket = input.ticket?.trim();
  return {
    id: input.id,
    deviceId: input.deviceId,
    siteId: input.request.siteId,
    caller: input.caller,
    request: input.request,
    decision: state.decision,
    events: state.history.map((e) => ({ ...e })) as UnlinkedRecord['events'],
    technician: input.technician,
    ...(ticket ? { ticket } : {}),
    finalState: state.status as FinalState,
    createdAt: input.createdAt,
  };
}

/** The caller as a record names them: the identified profile, or what the technician typed. */
export function recordCaller(
  profile: { id: string; firstName: string; lastName: string } | undefined,
  typed: { name: string; number: string },
): RecordCaller {
  if (profile) return { profileId: profile.id, name: `${profile.firstName} ${profile.lastName}`.trim() };
  const name = typed.name.trim();
  const number = typed.number.trim();
  return { unidentified: { ...(name ? { name } : {}), ...(number ? { number } : {}) } };
}
