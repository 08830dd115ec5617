/**
 * The static rules of APPROVALS.md §3, steps 1–5, in order: the first rule that fires decides the
 * *ruling*. What happens next (call plan, SMS authentication, escalation of an unworkable plan) is
 * `evaluate.ts`. Reasons are codes with params (`reasons.ts`) that quote the site setting that decided.
 */
import type { CatalogueAction, PolicyCategory } from './catalogue.js';
import type { ApprovalRequest, Outcome, SiteRules } from './schemas.js';
import { reason, type Reason } from './reasons.js';
import { findUnlicensedEntry } from './softwareName.js';

export interface Ruling {
  outcome: Outcome;
  reasons: Reason[];
  /** False only for the walkthrough of the caller's own password change (no auth at all). */
  callerAuthApplies: boolean;
  /** The RMM opt-in path fired: the site pays a fee per install. */
  rmmFee: boolean;
}

/** The tag on a site reference that pre-approves installing the RMM agent on managed machines. */
export const RMM_PREAPPROVED_TAG = 'rmm-preapproved';

const rule = (outcome: Outcome, why: Reason, extra: Partial<Ruling> = {}): Ruling => ({
  outcome,
  reasons: [why],
  callerAuthApplies: true,
  rmmFee: false,
  ...extra,
});

/** Rule 5, and the fallback of rules 3 and 4: the category policy decides. */
export function followPolicy(site: SiteRules, category: PolicyCategory): Ruling {
  const policy = site.policies[category];
  if (!policy) return rule('approval_required', reason('policy_not_set', { category }));
  return policy.noApprovalNeeded
    ? rule('proceed', reason('policy_no_approval_needed', { category }))
    : rule('approval_required', reason('policy_approval_needed', { category }));
}

function passwordRule(site: SiteRules, request: ApprovalRequest): Ruling {
  // The walkthrough is for the caller's *own* password; for anyone else's account it falls through
  // to the subject rules below **(choice)**.
  if (request.action === 'password.self_change_walkthrough' && request.subject === 'self') {
    return rule('proceed', reason('password_self_walkthrough', {}), { callerAuthApplies: false });
  }
  if (request.subject === 'admin') {
    return rule('tier4', reason('password_admin_subject', {}));
  }
  if (request.subject === 'other' || request.subject === 'shared') {
    const noApprovalNeeded = site.policies.password_reset?.noApprovalNeeded === true;
    return rule('approval_required', reason('password_other_subject', { whose: request.subject, noApprovalNeeded }));
  }
  return followPolicy(site, 'password_reset');
}

function softwareRule(site: SiteRules, request: ApprovalRequest): Ruling {
  if (request.target === 'server') {
    return rule('tier4', reason('software_on_server', {}));
  }
  const entry = request.software ? findUnlicensedEntry(site.unlicensedSoftware, request.software) : undefined;
  if (entry) {
    const software = entry.name;
    if (entry.action === 'install') return rule('proceed', reason('software_listed_install', { software }));
    if (entry.action === 'never') return rule('blocked', reason('software_listed_never', { software }));
    return rule('approval_required', reason('software_listed_call_approver', { software }));
  }
  return followPolicy(site, 'software_installation');
}

function rmmRule(site: SiteRules, request: ApprovalRequest): Ruling {
  if (request.action === 'rmm.reinstall_troubleshooting') {
    return rule('proceed', reason('rmm_reinstall', {}));
  }
  if (request.unmanagedMachine) {
    if (!site.rmmAgentOptIn) {
      return rule('escalate_partner', reason('rmm_unmanaged_no_optin', {}));
    }
    // The opt-in is the pre-approval for the install itself **(choice)**; the category policy still
    // decides whether an approver is called.
    const policy = followPolicy(site, 'rmm_installation');
    return {
      ...policy,
      reasons: [reason('rmm_unmanaged_optin', {}), ...policy.reasons],
      rmmFee: true,
    };
  }
  const reference = site.references.find((r) => r.tags.some((t) => t.trim().toLowerCase() === RMM_PREAPPROVED_TAG));
  if (!reference) {
    return rule('tier4', reason('rmm_not_preapproved', { tag: RMM_PREAPPROVED_TAG }));
  }
  const policy = followPolicy(site, 'rmm_installation');
  return {
    ...policy,
    reasons: [
      reason('rmm_preapproved_reference', { referenceId: reference.id, tag: RMM_PREAPPROVED_TAG }),
      ...policy.reasons,
    ],
  };
}

/** Rules 1–5 of §3 for an action already looked up in the catalogue. */
export function applyRules(site: SiteRules, request: ApprovalRequest, action: CatalogueAction): Ruling {
  if (action.tier4) return rule('tier4', reason('action_always_tier4', { actionId: action.id, title: action.title }));
  switch (action.category) {
    case 'password_reset':
      return passwordRule(site, request);
    case 'software_installation':
      return softwareRule(site, request);
    case 'rmm_installation':
      return rmmRule(site, request);
    default:
      return followPolicy(site, action.category as PolicyCategory);
  }
}
