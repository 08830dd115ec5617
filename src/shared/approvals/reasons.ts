/**
 * Why a decision came out as it did, as data: one `Reason` (code + params) per line of
 * `Decision.reasons`. The engine still emits the English strings of APPROVALS.md §6 unchanged
 * (`reasonText`), because the acceptance scenarios and stored approval records carry them; the UI
 * reads the codes instead and turns each into a translated sentence a technician can read out.
 */
import type { PolicyCategory } from './catalogue.js';
import type { PhoneErrorCode } from '../phone/normalizePhone.js';

type Kind = 'client' | 'partner' | 'group';

/** Every reason code with its params. Add a code here and `reasonText` forces an English line. */
export interface ReasonParams {
  policy_not_set: { category: PolicyCategory };
  policy_no_approval_needed: { category: PolicyCategory };
  policy_approval_needed: { category: PolicyCategory };
  password_self_walkthrough: Record<string, never>;
  password_admin_subject: Record<string, never>;
  password_other_subject: { whose: 'other' | 'shared'; noApprovalNeeded: boolean };
  software_on_server: Record<string, never>;
  software_listed_install: { software: string };
  software_listed_never: { software: string };
  software_listed_call_approver: { software: string };
  rmm_reinstall: Record<string, never>;
  rmm_unmanaged_no_optin: Record<string, never>;
  rmm_unmanaged_optin: Record<string, never>;
  rmm_not_preapproved: { tag: string };
  rmm_preapproved_reference: { referenceId: string; tag: string };
  action_always_tier4: { actionId: string; title: string };
  plan_no_policy: { category: PolicyCategory };
  plan_no_approvers: { category: PolicyCategory };
  plan_only_partners: { category: PolicyCategory; names: string[] };
  approver_no_sms: { category: PolicyCategory; approver: string };
  approver_no_number: { approver: string };
  plan_nobody_callable: { category: PolicyCategory };
  call_plan: { max: number; attempts: { approver: string; kind: Kind; number: string }[] };
  approver_sms_clients_only: { category: PolicyCategory };
  approver_sms: { category: PolicyCategory };
  number_skipped: { owner: string; number: string; problem: PhoneErrorCode; message: string };
  caller_auth_unidentified: { category: PolicyCategory };
  caller_auth_not_at_site: { category: PolicyCategory; profileId: string };
  caller_auth_no_sms: { category: PolicyCategory; name: string };
  caller_auth_send: { category: PolicyCategory; name: string; number: string };
}

export type ReasonCode = keyof ReasonParams;
export type Reason = { [K in ReasonCode]: { code: K; params: ReasonParams[K] } }[ReasonCode];

export const reason = <K extends ReasonCode>(code: K, params: ReasonParams[K]): Reason => ({ code, params }) as Reason;

const callerSms = (category: string) => `${category} policy: authenticateCaller is sms`;

/** The engine's English line for each code: exactly the strings APPROVALS.md §6 decisions carry. */
const ENGLISH: { [K in ReasonCode]: (p: ReasonParams[K]) => string } = {
  policy_not_set: (p) => `${p.category} policy: not set, so approval is required`,
  policy_no_approval_needed: (p) => `${p.category} policy: noApprovalNeeded is true`,
  policy_approval_needed: (p) => `${p.category} policy: noApprovalNeeded is false`,
  password_self_walkthrough: () =>
    'walking the caller through changing their own password needs no approval and no authentication',
  password_admin_subject: () =>
    'the subject is an administrator account: changing an administrator account always requires Tier 4 approval',
  password_other_subject: (p) =>
    `the subject is ${p.whose === 'other' ? "another user's account" : 'a shared account'}: approval is required whatever the site says (password_reset policy: noApprovalNeeded is ${p.noApprovalNeeded ? 'true' : 'false'}; it covers the caller's own account only)`,
  software_on_server: () =>
    'the target is a server: installing, removing or updating software on a server always requires Tier 4 approval',
  software_listed_install: (p) => `Unlicensed Software list: "${p.software}" is set to install, so it is pre-approved`,
  software_listed_never: (p) =>
    `Unlicensed Software list: "${p.software}" is set to never: the Help Desk must not install it`,
  software_listed_call_approver: (p) =>
    `Unlicensed Software list: "${p.software}" is set to call_approver, so an approver must be called`,
  rmm_reinstall: () => 'removing and immediately reinstalling the RMM agent for troubleshooting needs no approval',
  rmm_unmanaged_no_optin: () =>
    "the caller's machine is unmanaged and rmmAgentOptIn is false: escalate to the partner using the site's notification rule",
  rmm_unmanaged_optin: () =>
    "the caller's machine is unmanaged and rmmAgentOptIn is true: the site pre-approves the install and pays a fee",
  rmm_not_preapproved: (p) =>
    `no site reference is tagged ${p.tag}: an RMM installation not pre-approved in references requires Tier 4 approval`,
  rmm_preapproved_reference: (p) => `reference ${p.referenceId} is tagged ${p.tag}: RMM installation is pre-approved`,
  action_always_tier4: (p) => `${p.actionId} (${p.title}) always requires Tier 4 approval`,
  // A category with no policy reads to the engine exactly like one with an empty approver list.
  plan_no_policy: (p) =>
    `${p.category} policy: no approvers are configured, so the site is misconfigured; escalate to the partner for approval`,
  plan_no_approvers: (p) =>
    `${p.category} policy: no approvers are configured, so the site is misconfigured; escalate to the partner for approval`,
  plan_only_partners: (p) =>
    `${p.category} policy: the only approvers are partner contacts (${p.names.join(', ')}); the ticket will be escalated to your team for approval`,
  approver_no_sms: (p) =>
    `${p.category} policy: authenticateApprover is sms but ${p.approver} has no mobile phone with an SMS gateway, so they are left out of the call plan`,
  approver_no_number: (p) => `${p.approver} has no valid phone number, so they are left out of the call plan`,
  plan_nobody_callable: (p) => `${p.category} policy: no approver can be called; escalate to the partner for approval`,
  call_plan: (p) =>
    `call plan (at most ${p.max} dial attempts): ${p.attempts.map((a) => `${a.approver} (${a.kind}) at ${a.number}`).join(', then ')}`,
  approver_sms_clients_only: (p) =>
    `${p.category} policy: authenticateApprover is sms; client and group approvers get a code, partner approvers do not`,
  approver_sms: (p) =>
    `${p.category} policy: authenticateApprover is sms; the approver must read back the code sent to their mobile`,
  number_skipped: (p) => `${p.owner}'s number "${p.number}" was skipped: ${p.message}`,
  caller_auth_unidentified: (p) =>
    `${callerSms(p.category)} but the caller is unidentified, so the caller cannot be authenticated; escalate to the partner`,
  caller_auth_not_at_site: (p) =>
    `${callerSms(p.category)} but the caller profile ${p.profileId} is not one of the site's people, so the caller cannot be authenticated; escalate to the partner`,
  caller_auth_no_sms: (p) =>
    `${callerSms(p.category)} but ${p.name} has no mobile phone with an SMS gateway, so the caller cannot be authenticated; escalate to the partner`,
  caller_auth_send: (p) =>
    `${callerSms(p.category)}: send a code to ${p.name} at ${p.number} and have them read it back`,
};

/** Every code the engine can give, for tests that demand a sentence per code. */
export const REASON_CODES = Object.keys(ENGLISH) as ReasonCode[];

export function reasonText(r: Reason): string {
  return (ENGLISH[r.code] as (p: Reason['params']) => string)(r.params);
}
