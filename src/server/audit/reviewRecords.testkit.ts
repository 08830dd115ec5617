/**
 * Test helper for the approval review: approval records made with a stored site's real rules (as the
 * desktop makes them), with the events of a clean workflow unless given, stored through ApprovalStore.
 */
import { randomUUID } from 'node:crypto';
import { ApprovalRecord, type FinalState } from '../../shared/api/approvals.js';
import { ApprovalRequest, evaluate, type Decision, type WorkflowEvent } from '../../shared/approvals/index.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';
import { cleanEvents, finalStateFor } from '../demo/seedDemoApprovals.js';
import type { TestApp } from '../testing/createTestApp.js';

export interface ReviewRecordInput {
  siteId?: string;
  action?: string;
  /** More request fields (target, subject, software). */
  request?: Record<string, unknown>;
  callerProfileId?: string;
  callerName?: string;
  technicianEmail?: string;
  createdAt: string;
  ticket?: string;
  note?: string;
  /** Replace the device's decision (e.g. a device that skipped the rules). */
  decision?: Partial<Decision>;
  events?: WorkflowEvent[];
  finalState?: FinalState;
  deviceId?: string;
  prevHash?: string;
}

export async function storeReviewRecord(t: TestApp, input: ReviewRecordInput): Promise<ApprovalRecord> {
  const siteId = input.siteId ?? 'site-northwind';
  const email = input.technicianEmail ?? 'tech@callsign.demo';
  const user = await t.services.users.findByEmail(email);
  if (!user) throw new Error(`no user ${email}`);
  const rules = await t.services.approvals.siteRules(siteId);
  if (!rules) throw new Error(`no site ${siteId}`);
  const request = ApprovalRequest.parse({
    siteId,
    action: input.action ?? 'password.reset',
    callerProfileId: input.callerProfileId ?? (siteId === 'site-northwind' ? 'prof-dana' : undefined),
    ...input.request,
  });
  const decision = { ...evaluate(rules.rules, request), ...input.decision };
  const createdMs = Date.parse(input.createdAt);
  const events = input.events ?? cleanEvents(decision, createdMs - 600_000, input.note ?? 'ok');
  const unlinked = ApprovalRecord.omit({ prevHash: true, hash: true }).parse({
    id: randomUUID(),
    deviceId: input.deviceId ?? `dev-${randomUUID()}`,
    siteId,
    caller: request.callerProfileId
      ? { profileId: request.callerProfileId, name: input.callerName ?? 'Dana Reyes' }
      : { unidentified: { name: input.callerName ?? 'Walk-in' } },
    request,
    decision,
    events,
    technician: { id: user.id, name: user.name },
    ...(input.ticket ? { ticket: input.ticket } : {}),
    finalState: input.finalState ?? finalStateFor(decision),
    createdAt: input.createdAt,
  });
  const record = ApprovalRecord.parse(await linkRecord(unlinked, input.prevHash ?? GENESIS_HASH));
  await t.services.approvals.records.store(record, { id: user.id });
  return record;
}
