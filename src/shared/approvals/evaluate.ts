/**
 * `evaluate(site, request) → Decision`: APPROVALS.md §3 end to end. Pure and total on parsed input
 * (see `schemas.ts`); it never throws for a request whose action is in the catalogue.
 *
 * 1. `rules.ts` decides the ruling (first rule that fires).
 * 2. For `proceed` / `approval_required`: SMS authentication of the caller (if the category policy
 *    asks for it) and, for `approval_required`, the call plan (`callPlan.ts`). If either cannot be
 *    carried out, the outcome becomes `escalate_partner` and every problem is listed in the reasons.
 * 3. Templates (username/email for the caller, default groups) and the RMM fee notice are attached
 *    whatever the outcome, so the wizard can show them.
 */
import { fullName } from '../domain/profile.js';
import { getAction, type PolicyCategory } from './catalogue.js';
import { buildCallPlan } from './callPlan.js';
import { contactNumbers } from './contactNumbers.js';
import { renderTemplate } from './renderTemplate.js';
import { reason, reasonText, type Reason } from './reasons.js';
import { applyRules } from './rules.js';
import type { ApprovalRequest, Decision, DecisionStep, SiteRules } from './schemas.js';

/** The fee stated in seeds/002 ("results in a $100 fee for each occurrence"). */
export const RMM_FEE_TEXT =
  'RMM agent opt-in: the site is charged a $100 fee for each occurrence of installing the RMM agent on a caller machine that has none (e.g. a home PC).';

type Templates = Decision['templates'];

function callerOf(site: SiteRules, request: ApprovalRequest) {
  return request.callerProfileId ? site.people.find((p) => p.profileId === request.callerProfileId) : undefined;
}

function callerName(person: { firstName: string; lastName: string; profileId: string }): string {
  return fullName(person).trim() || person.profileId;
}

/** The authenticate_caller step, or the reason it is impossible. */
function callerAuthentication(
  site: SiteRules,
  request: ApprovalRequest,
  category: PolicyCategory,
): { step: DecisionStep; reasons: Reason[] } | { problem: Reason[] } {
  const person = callerOf(site, request);
  if (!person) {
    return {
      problem: [
        request.callerProfileId
          ? reason('caller_auth_not_at_site', { category, profileId: request.callerProfileId })
          : reason('caller_auth_unidentified', { category }),
      ],
    };
  }
  const name = callerName(person);
  const numbers = contactNumbers(name, person.phones, site.country);
  if (!numbers.sms) return { problem: [...numbers.skipped, reason('caller_auth_no_sms', { category, name })] };
  return {
    step: { kind: 'authenticate_caller', profileId: person.profileId, number: numbers.sms },
    reasons: [reason('caller_auth_send', { category, name, number: numbers.sms })],
  };
}

function templatesFor(site: SiteRules, request: ApprovalRequest, category: PolicyCategory | 'tier4'): Templates {
  const policy = category === 'tier4' ? undefined : site.policies[category];
  const person = callerOf(site, request);
  const templates: Templates = {};
  if (category === 'new_user_account') {
    const username = policy?.usernameFormat && person ? renderTemplate(policy.usernameFormat, person) : null;
    if (username) templates.username = username;
    if (policy?.defaultSecurityGroups) templates.securityGroups = [...policy.defaultSecurityGroups];
  }
  if (category === 'new_mail_account') {
    const email = policy?.emailFormat && person ? renderTemplate(policy.emailFormat, person) : null;
    if (email) templates.email = email;
    if (policy?.defaultDistributionGroups) templates.distributionGroups = [...policy.defaultDistributionGroups];
  }
  return templates;
}

/** The decision together with its reasons as codes (`reasons.ts`), which the UI turns into sentences. */
export interface ExplainedDecision {
  decision: Decision;
  /** One per line of `decision.reasons`, in the same order. */
  reasons: Reason[];
}

export function evaluate(site: SiteRules, request: ApprovalRequest): Decision {
  return explainDecision(site, request).decision;
}

export function explainDecision(site: SiteRules, request: ApprovalRequest): ExplainedDecision {
  const action = getAction(request.action);
  if (!action) throw new RangeError(`request.action: unknown action id ${JSON.stringify(request.action)}`);
  const ruling = applyRules(site, request, action);
  const explained = (decision: Omit<Decision, 'reasons'>, reasons: Reason[]): ExplainedDecision => ({
    decision: { ...decision, reasons: reasons.map(reasonText) },
    reasons,
  });
  const base: Omit<Decision, 'reasons'> = {
    outcome: ruling.outcome,
    steps: [],
    templates: templatesFor(site, request, action.category),
    notices: ruling.rmmFee ? [{ kind: 'rmm_fee', text: RMM_FEE_TEXT }] : [],
  };
  if (action.category === 'tier4' || (ruling.outcome !== 'proceed' && ruling.outcome !== 'approval_required'))
    return explained(base, ruling.reasons);

  const category = action.category;
  const policy = site.policies[category];
  const problems: Reason[] = [];
  const steps: DecisionStep[] = [];
  const reasons: Reason[] = [];

  if (ruling.callerAuthApplies && policy?.authenticateCaller === 'sms') {
    const auth = callerAuthentication(site, request, category);
    if ('problem' in auth) problems.push(...auth.problem);
    else {
      steps.push(auth.step);
      reasons.push(...auth.reasons);
    }
  }
  if (ruling.outcome === 'approval_required') {
    const plan = buildCallPlan(category, policy, site.country);
    if (plan.ok) {
      steps.push(...plan.dials);
      reasons.push(...plan.reasons);
    } else problems.push(...plan.reasons);
  }

  if (problems.length > 0) return explained({ ...base, outcome: 'escalate_partner' }, [...ruling.reasons, ...problems]);
  return explained({ ...base, steps }, [...ruling.reasons, ...reasons]);
}
