/**
 * The call plan for an `approval_required` ruling (APPROVALS.md §3, "Then, for approval_required").
 * The Help Desk dials at most two numbers in total: the first number of each of two approvers, or
 * the first two numbers of a single approver. Partners are dialled like anyone else but are never
 * sent an SMS code **(choice)**.
 */
import type { PolicyCategory } from './catalogue.js';
import { contactNumbers, describeNumber, type ContactNumbers } from './contactNumbers.js';
import { reason, type Reason } from './reasons.js';
import type { Approver, CategoryPolicy, DialStep } from './schemas.js';

/** Never more than this many dial attempts per request, whatever the site lists. */
export const MAX_DIALS = 2;

export type CallPlan =
  | { ok: true; dials: DialStep[]; reasons: Reason[] }
  /** The plan cannot be built: the request is escalated to the partner; `reasons` say why. */
  | { ok: false; reasons: Reason[] };

export function buildCallPlan(
  category: PolicyCategory,
  policy: CategoryPolicy | undefined,
  siteCountry?: string,
): CallPlan {
  const approvers = policy?.approvers ?? [];
  if (approvers.length === 0) {
    return { ok: false, reasons: [reason(policy ? 'plan_no_approvers' : 'plan_no_policy', { category })] };
  }
  if (approvers.every((a) => a.kind === 'partner')) {
    const names = approvers.map((a) => a.name);
    return { ok: false, reasons: [reason('plan_only_partners', { category, names })] };
  }

  const smsRequired = policy?.authenticateApprover === 'sms';
  const notes: Reason[] = [];
  const callable: { approver: Approver; numbers: ContactNumbers; authenticate: boolean }[] = [];
  for (const approver of approvers) {
    const numbers = contactNumbers(approver.name, approver.phones, siteCountry);
    notes.push(...numbers.skipped);
    const authenticate = smsRequired && approver.kind !== 'partner';
    if (authenticate && !numbers.sms) {
      // Left out before the plan is built, so the other approver gets the dials **(choice)**.
      notes.push(reason('approver_no_sms', { category, approver: approver.name }));
      continue;
    }
    if (numbers.dialable.length === 0) {
      notes.push(reason('approver_no_number', { approver: approver.name }));
      continue;
    }
    callable.push({ approver, numbers, authenticate });
  }
  if (callable.length === 0) {
    return {
      ok: false,
      reasons: [...notes, reason('plan_nobody_callable', { category })],
    };
  }

  const perApprover = callable.length === 1 ? MAX_DIALS : 1;
  const attempts = callable
    .flatMap(({ approver, numbers, authenticate }) =>
      numbers.dialable.slice(0, perApprover).map((number) => ({ approver, number, authenticate })),
    )
    .slice(0, MAX_DIALS);
  const dials: DialStep[] = attempts.map(({ approver, number, authenticate }) => ({
    kind: 'dial',
    approver: approver.name,
    approverKind: approver.kind,
    number: number.e164,
    authenticate,
  }));
  const plan = attempts.map(({ approver, number }) => ({
    approver: approver.name,
    kind: approver.kind,
    number: describeNumber(number),
  }));
  const reasons = [...notes, reason('call_plan', { max: MAX_DIALS, attempts: plan })];
  if (smsRequired) {
    reasons.push(
      reason(attempts.some((a) => !a.authenticate) ? 'approver_sms_clients_only' : 'approver_sms', { category }),
    );
  }
  return { ok: true, dials, reasons };
}
