import { describe, expect, it } from 'vitest';
import {
  ApprovalRequest,
  REASON_CODES,
  explainDecision,
  SiteRules,
  type Reason,
  type ReasonCode,
  type ReasonParams,
} from '../../../shared/approvals/index.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { reasonSentence, reasonSentences } from './reasonSentences.js';

const t = createI18n('en-US').t;
const SELF_RESET = ApprovalRequest.parse({ siteId: 'S1', action: 'password.reset', subject: 'self' });

/** One example per code: a code added to the engine without an example here fails typecheck. */
const SAMPLES: { [K in ReasonCode]: ReasonParams[K] } = {
  policy_not_set: { category: 'password_reset' },
  policy_no_approval_needed: { category: 'password_reset' },
  policy_approval_needed: { category: 'permission_change' },
  password_self_walkthrough: {},
  password_admin_subject: {},
  password_other_subject: { whose: 'other', noApprovalNeeded: true },
  software_on_server: {},
  software_listed_install: { software: 'Zoom' },
  software_listed_never: { software: 'uTorrent' },
  software_listed_call_approver: { software: 'Slack' },
  rmm_reinstall: {},
  rmm_unmanaged_no_optin: {},
  rmm_unmanaged_optin: {},
  rmm_not_preapproved: { tag: 'rmm-preapproved' },
  rmm_preapproved_reference: { referenceId: '7f1c2a9e-0000-4000-8000-000000000001', tag: 'rmm-preapproved' },
  action_always_tier4: { actionId: 't4.vpn_access', title: 'Grant new VPN access' },
  plan_no_policy: { category: 'new_mail_account' },
  plan_no_approvers: { category: 'new_mail_account' },
  plan_only_partners: { category: 'password_reset', names: ['Pat Partner'] },
  approver_no_sms: { category: 'password_reset', approver: 'Lee Chan' },
  approver_no_number: { approver: 'Lee Chan' },
  plan_nobody_callable: { category: 'password_reset' },
  call_plan: {
    max: 2,
    attempts: [
      { approver: 'Lee Chan', kind: 'client', number: '+12065550121' },
      { approver: 'Front desk', kind: 'group', number: '+12065550100 (ext. 12)' },
    ],
  },
  approver_sms_clients_only: { category: 'password_reset' },
  approver_sms: { category: 'password_reset' },
  number_skipped: { owner: 'Lee Chan', number: 'n/a', problem: 'invalid_phone', message: 'This is not a valid…' },
  caller_auth_unidentified: { category: 'password_reset' },
  caller_auth_not_at_site: { category: 'password_reset', profileId: '7f1c2a9e-0000-4000-8000-000000000002' },
  caller_auth_no_sms: { category: 'password_reset', name: 'Dana Reyes' },
  caller_auth_send: { category: 'password_reset', name: 'Dana Reyes', number: '+12065550101' },
};

/** What a technician must never have to read out: setting names, values, codes, ids. */
const RAW =
  /noApprovalNeeded|authenticate(Caller|Approver)|rmmAgentOptIn|call_approver|_|\bpolicy:|\{\{|[0-9a-f]{8}-[0-9a-f]{4}/;

describe('reason sentences', () => {
  it.each(REASON_CODES)('%s has a plain sentence in en-US', (code) => {
    const params = SAMPLES[code];
    expect(params, `add a SAMPLES entry for ${code}`).toBeDefined();
    const sentence = reasonSentence(t, { code, params } as Reason);
    expect(sentence).not.toContain('approvals.reason');
    expect(sentence).not.toMatch(RAW);
    expect(sentence).toMatch(/^[A-Z“].*[.]$/);
  });

  it('every sample belongs to a code the engine knows (no stale sentences)', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...REASON_CODES].sort());
  });

  it('names the people and numbers of the call plan', () => {
    expect(reasonSentence(t, { code: 'call_plan', params: SAMPLES.call_plan })).toBe(
      'Call Lee Chan (client approver) at +12065550121, then Front desk (group contact) at +12065550100 (ext. 12). At most 2 calls in all.',
    );
  });

  it('a site with no synced rules gets one "not synced" sentence, never "misconfigured"', () => {
    const site = SiteRules.parse({ siteId: 'S1', country: 'US', policies: {} });
    const { reasons } = explainDecision(site, SELF_RESET);
    expect(reasons.map((r) => r.code)).toEqual(['policy_not_set', 'plan_no_policy']);
    const unsynced = reasonSentences(t, reasons, false);
    expect(unsynced).toEqual([t('approvals.reason.not_synced')]);
    expect(unsynced.join(' ')).not.toMatch(/misconfigured|name no approver/);
  });

  it('a synced policy with no approvers says the rules name nobody, and nothing about syncing', () => {
    const site = SiteRules.parse({
      siteId: 'S1',
      country: 'US',
      policies: { password_reset: { noApprovalNeeded: false, approvers: [] } },
    });
    const { reasons, decision } = explainDecision(site, SELF_RESET);
    expect(decision.outcome).toBe('escalate_partner');
    const sentences = reasonSentences(t, reasons, true);
    expect(sentences).toEqual([
      "The site's rules for “Password reset” say an approver must agree first.",
      "The site's rules for “Password reset” name no approver, so there is nobody to call: escalate to the partner.",
    ]);
  });
});
