/**
 * The call plan for an `approval_required` ruling (APPROVALS.md §3, "Then, for approval_required").
 * The Help Desk dials at most two numbers in total: the first number of each of two approvers, or
 * the first two numbers of a single approver. Partners are dialled like anyone else but are never
 * sent an SMS code **(choice)**.
 */
import type { PolicyCategory } from './catalogue.js';
import { contactNumbers, describeNumber, type ContactNumbers } from './contactNumbers.js';
import type { Approver, CategoryPolicy, DialStep } from './schemas.js';

/** Never more than this many dial attempts per request, whatever the site lists. */
export const MAX_DIALS = 2;

export type CallPlan =
  | { ok: true; dials: DialStep[]; reasons: string[] }
  /** The plan cannot be built: the request is escalated to the partner; `reasons` say why. */
  | { ok: false; reasons: string[] };

export function buildCallPlan(
  category: PolicyCategory,
  policy: CategoryPolicy | undefined,
  siteCountry?: string,
): CallPlan {
  const approvers = policy?.approvers ?? [];
  if (approvers.length === 0) {
    return {
      ok: false,
      reasons: [
        `${category} policy: no approvers are configured, so the site is misconfigured; escalate to the partner for approval`,
      ],
    };
  }
  if (approvers.every((a) => a.kind === 'partner')) {
    const names = approvers.map((a) => a.name).join(', ');
    return {
      ok: false,
      reasons: [
        `${category} policy: the only approvers are partner contacts (${names}); the ticket will be escalated to your team for approval`,
      ],
    };
  }

  const smsRequired = policy?.authenticateApprover === 'sms';
  const notes: string[] = [];
  const callable: { approver: Approver; numbers: ContactNumbers; authenticate: boolean }[] = [];
  for (const approver of approvers) {
    const numbers = contactNumbers(approver.name, approver.phones, siteCountry);
    notes.push(...numbers.skipped);
    const authenticate = smsRequired && approver.kind !== 'partner';
    if (authenticate && !numbers.sms) {
      // Left out before the plan is built, so the other approver gets the dials **(choice)**.
      notes.push(
        `${category} policy: authenticateApprover is sms but ${approver.name} has no mobile phone with an SMS gateway, so they are left out of the call plan`,
      );
      continue;
    }
    if (numbers.dialable.length === 0) {
      notes.push(`${approver.name} has no valid phone number, so they are left out of the call plan`);
      continue;
    }
    callable.push({ approver, numbers, authenticate });
  }
  if (callable.length === 0) {
    return {
      ok: false,
      reasons: [...notes, `${category} policy: no approver can be called; escalate to the partner for approval`],
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
  const plan = attempts
    .map(({ approver, number }) => `${approver.name} (${approver.kind}) at ${describeNumber(number)}`)
    .join(', then ');
  const reasons = [...notes, `call plan (at most ${MAX_DIALS} dial attempts): ${plan}`];
  if (smsRequired) {
    reasons.push(
      attempts.some((a) => !a.authenticate)
        ? `${category} policy: authenticateApprover is sms; client and group approvers get a code, partner approvers do not`
        : `${category} policy: authenticateApprover is sms; the approver must read back the code sent to their mobile`,
    );
  }
  return { ok: true, dials, reasons };
}
