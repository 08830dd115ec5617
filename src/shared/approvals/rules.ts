/**
 * The static rules of APPROVALS.md §3, steps 1–5, in order: the first rule that fires decides the
 * *ruling*. What happens next (call plan, SMS authentication, escalation of an unworkable plan) is
 * `evaluate.ts`. Reasons are plain English and quote the site setting that decided.
 */
import type { CatalogueAction, PolicyCategory } from './catalogue.js';
import type { ApprovalRequest, Outcome, SiteRules } from './schemas.js';
import { findUnlicensedEntry } from './softwareName.js';

export interface Ruling {
  outcome: Outcome;
  reasons: string[];
  /** False only for the walkthrough of the caller's own password change (no auth at all). */
  callerAuthApplies: boolean;
  /** The RMM opt-in path fired: the site pays a fee per install. */
  rmmFee: boolean;
}

/** The tag on a site reference that pre-approves installing the RMM agent on managed machines. */
export const RMM_PREAPPROVED_TAG = 'rmm-preapproved';

const rule = (outcome: Outcome, reason: string, extra: Partial<Ruling> = {}): Ruling => ({
  outcome,
  reasons: [reason],
  callerAuthApplies: true,
  rmmFee: false,
  ...extra,
});

/** Rule 5, and the fallback of rules 3 and 4: the category policy decides. */
export function followPolicy(site: SiteRules, category: PolicyCategory): Ruling {
  const policy = site.policies[category];
  if (!policy) return rule('approval_required', `${category} policy: not set, so approval is required`);
  return policy.noApprovalNeeded
    ? rule('proceed', `${category} policy: noApprovalNeeded is true`)
    : rule('approval_required', `${category} policy: noApprovalNeeded is false`);
}

function passwordRule(site: SiteRules, request: ApprovalRequest): Ruling {
  // The walkthrough is for the caller's *own* password; for anyone else's account it falls through
  // to the subject rules below **(choice)**.
  if (request.action === 'password.self_change_walkthrough' && request.subject === 'self') {
    return rule(
      'proceed',
      'walking the caller through changing their own password needs no approval and no authentication',
      {
        callerAuthApplies: false,
      },
    );
  }
  if (request.subject === 'admin') {
    return rule(
      'tier4',
      'the subject is an administrator account: changing an administrator account always requires Tier 4 approval',
    );
  }
  if (request.subject === 'other' || request.subject === 'shared') {
    const whose = request.subject === 'other' ? "another user's account" : 'a shared account';
    const setting = site.policies.password_reset?.noApprovalNeeded ? 'true' : 'false';
    return rule(
      'approval_required',
      `the subject is ${whose}: approval is required whatever the site says (password_reset policy: noApprovalNeeded is ${setting}; it covers the caller's own account only)`,
    );
  }
  return followPolicy(site, 'password_reset');
}

function softwareRule(site: SiteRules, request: ApprovalRequest): Ruling {
  if (request.target === 'server') {
    return rule(
      'tier4',
      'the target is a server: installing, removing or updating software on a server always requires Tier 4 approval',
    );
  }
  const entry = request.software ? findUnlicensedEntry(site.unlicensedSoftware, request.software) : undefined;
  if (entry) {
    const quoted = `Unlicensed Software list: "${entry.name}" is set to ${entry.action}`;
    if (entry.action === 'install') return rule('proceed', `${quoted}, so it is pre-approved`);
    if (entry.action === 'never') return rule('blocked', `${quoted}: the Help Desk must not install it`);
    return rule('approval_required', `${quoted}, so an approver must be called`);
  }
  return followPolicy(site, 'software_installation');
}

function rmmRule(site: SiteRules, request: ApprovalRequest): Ruling {
  if (request.action === 'rmm.reinstall_troubleshooting') {
    return rule('proceed', 'removing and immediately reinstalling the RMM agent for troubleshooting needs no approval');
  }
  if (request.unmanagedMachine) {
    if (!site.rmmAgentOptIn) {
      return rule(
        'escalate_partner',
        "the caller's machine is unmanaged and rmmAgentOptIn is false: escalate to the partner using the site's notification rule",
      );
    }
    // The opt-in is the pre-approval for the install itself **(choice)**; the category policy still
    // decides whether an approver is called.
    const policy = followPolicy(site, 'rmm_installation');
    return {
      ...policy,
      reasons: [
        "the caller's machine is unmanaged and rmmAgentOptIn is true: the site pre-approves the install and pays a fee",
        ...policy.reasons,
      ],
      rmmFee: true,
    };
  }
  const reference = site.references.find((r) => r.tags.some((t) => t.trim().toLowerCase() === RMM_PREAPPROVED_TAG));
  if (!reference) {
    return rule(
      'tier4',
      `no site reference is tagged ${RMM_PREAPPROVED_TAG}: an RMM installation not pre-approved in references requires Tier 4 approval`,
    );
  }
  const policy = followPolicy(site, 'rmm_installation');
  return {
    ...policy,
    reasons: [
      `reference ${reference.id} is tagged ${RMM_PREAPPROVED_TAG}: RMM installation is pre-approved`,
      ...policy.reasons,
    ],
  };
}

/** Rules 1–5 of §3 for an action already looked up in the catalogue. */
export function applyRules(site: SiteRules, request: ApprovalRequest, action: CatalogueAction): Ruling {
  if (action.tier4) return rule('tier4', `${action.id} (${action.title}) always requires Tier 4 approval`);
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
