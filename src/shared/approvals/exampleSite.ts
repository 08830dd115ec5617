/**
 * The worked example of APPROVALS.md §6 as data: one site with a client approver (Lee Chan), a
 * partner contact, a group contact and two people. Used by tests, docs and the demo workspace;
 * `exampleSite(patch)` returns a parsed copy with top-level fields and single policies replaced.
 */
import type { z } from 'zod';
import { SiteRules, type ApprovalPhone, type Approver, type CategoryPolicy, type SiteRulesInput } from './schemas.js';
import type { PolicyCategory } from './catalogue.js';

type PhoneInput = z.input<typeof ApprovalPhone>;
type ApproverInput = z.input<typeof Approver>;
type PolicyInput = z.input<typeof CategoryPolicy>;

const mobile = (number: string): PhoneInput => ({
  number,
  type: 'mobile',
  provider: 'AT&T',
  smsGateway: '@txt.att.com',
});
const office = (number: string): PhoneInput => ({ number, type: 'office' });

export const LEE_CHAN: ApproverInput = {
  kind: 'client',
  name: 'Lee Chan',
  profileId: 'p3',
  phones: [mobile('+12065550121'), office('(206) 555-0122')],
};
export const PAT_PARTNER: ApproverInput = { kind: 'partner', name: 'Pat Partner', phones: [office('+12065550131')] };
export const FRONT_DESK: ApproverInput = {
  kind: 'group',
  name: 'Front desk',
  phones: [office('+12065550141'), office('+12065550142')],
};

const policy = (p: Partial<PolicyInput> = {}): PolicyInput => ({
  noApprovalNeeded: false,
  approvers: [LEE_CHAN],
  authenticateCaller: 'none',
  authenticateApprover: 'none',
  ...p,
});

export const EXAMPLE_SITE: SiteRulesInput = {
  siteId: 'S1',
  country: 'US',
  rmmAgentOptIn: false,
  policies: {
    new_user_account: policy({ usernameFormat: '{first}.{last}', defaultSecurityGroups: ['Staff', 'VPN Users'] }),
    new_mail_account: policy({ emailFormat: '{first}.{last}@acme.com', defaultDistributionGroups: ['All Staff'] }),
    password_reset: policy(),
    permission_change: policy(),
    software_installation: policy(),
    rmm_installation: policy(),
  },
  unlicensedSoftware: [
    { name: 'Zoom', action: 'install' },
    { name: 'Slack', action: 'call_approver' },
    { name: 'uTorrent', action: 'never' },
  ],
  references: [{ id: 'r1', tags: ['security-related-requests'] }],
  people: [
    { profileId: 'p1', firstName: 'Dana', lastName: 'Reyes', phones: [office('+12065550100'), mobile('206 555 0101')] },
    { profileId: 'p2', firstName: 'Sam', lastName: 'Ortiz', phones: [office('+12065550102')] },
  ],
};

export interface ExampleSitePatch extends Omit<Partial<SiteRulesInput>, 'policies'> {
  /** Replaces whole policies (`undefined` removes one); others stay as in EXAMPLE_SITE. */
  policies?: Partial<Record<PolicyCategory, Partial<PolicyInput> | undefined>>;
}

export function exampleSite(patch: ExampleSitePatch = {}): SiteRules {
  const { policies: policyPatch = {}, ...rest } = patch;
  const policies: Record<string, unknown> = { ...EXAMPLE_SITE.policies };
  for (const [category, p] of Object.entries(policyPatch)) policies[category] = p === undefined ? undefined : policy(p);
  return SiteRules.parse({ ...EXAMPLE_SITE, ...rest, policies });
}
