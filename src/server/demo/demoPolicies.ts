/**
 * Site approval rules (sync kind `policy`) for the demo workspace: hand-made records for the five
 * fixture sites, so every outcome and every **(choice)** of APPROVALS.md can be played from the demo,
 * and generated records for about 60% of the generated sites. Approvers here are policy contacts
 * (not directory profiles) so the fixture profiles, which e2e journeys name, stay exactly as they are.
 *
 * Demo matrix (caller in brackets; "unmanaged" = request.unmanagedMachine):
 *
 * | site | request | outcome / what it shows |
 * |---|---|---|
 * | Northwind (US) | password.reset, self [Dana] | approval_required: SMS code to Dana (+1 206 555 0101 @txt.att.com), then dial Morgan Lee's mobile and Priya Shah's mobile (two approvers → first number of each), each authenticated by SMS |
 * | Northwind | password.self_change_walkthrough, self [Dana] | proceed, no authentication at all |
 * | Northwind | password.self_change_walkthrough, subject other | falls through to the subject rules: approval_required **(choice)** |
 * | Northwind | password.reset, subject admin | tier4 |
 * | Northwind | password.reset with three wrong caller codes | workflow ends in auth_failed **(choice)** |
 * | Northwind | any approval, both dials unanswered | waiting_for_approver |
 * | Northwind | software.install "Zoom 5.17" / "zoom" | proceed (list says install; names match case-insensitively, version ignored **(choice)**) |
 * | Northwind | software.install "TeamViewer" | blocked |
 * | Northwind | software.install "Dropbox" | approval_required (list says call_approver) |
 * | Northwind | software.install "Notepad++" | category policy: approval_required, dial Morgan (mobile, office) |
 * | Northwind | software.install, target server | tier4 |
 * | Northwind | rmm.install, managed | proceed: reference ref-northwind-rmm is tagged rmm-preapproved **(choice)**, policy noApprovalNeeded |
 * | Northwind | rmm.install, unmanaged | proceed + rmm_fee notice: rmmAgentOptIn is the pre-approval **(choice)** |
 * | Northwind | rmm.reinstall_troubleshooting | proceed |
 * | Northwind | user.create_aduc [Dana] | approval_required; templates username dana.reyes, groups Staff / VPN Users / Finance |
 * | Northwind | mail.create_mailbox [Dana] | approval_required; template email dana.reyes@northwindtraders.com, distribution groups |
 * | Northwind | permission.ntfs | approval_required: Morgan (authenticate: true) then the partner on-call (authenticate: false — partners never get codes **(choice)**) |
 * | Northwind | t4.* (any) | tier4 |
 * | Contoso London (GB) | user.create_aduc | escalate_partner: no approvers configured (misconfigured site) **(choice)** |
 * | Contoso London | mail.create_mailbox | escalate_partner: only partner approvers |
 * | Contoso London | password.reset | escalate_partner: authenticateApprover sms but Harriet Clarke has no SMS-capable phone, left out, none remains **(choice)** |
 * | Contoso London | permission.mailbox [Oliver] | escalate_partner: authenticateCaller sms but Oliver's mobile has no SMS gateway |
 * | Contoso London | permission.mailbox, unidentified caller | escalate_partner: caller unidentified |
 * | Contoso London | rmm.install managed / unmanaged | tier4 (no rmm-preapproved reference) / escalate_partner (rmmAgentOptIn false) |
 * | Contoso London | software.install "uTorrent" | blocked |
 * | Fabrikam (US) | permission.aduc_group | approval_required: one group approver (Fabrikam Front Desk) → its two numbers |
 * | Fabrikam | password.reset | approval_required: Kim Alvarez (office only) left out for authenticateApprover sms **(choice)**; Luis Ortega's mobile then office, authenticated |
 * | Fabrikam | software.install "Slack" | approval_required: client approver then partner, client authenticated, partner not |
 * | Fabrikam Annex (US) | password.reset | approval_required: Jo Park's first number is unusable and skipped **(choice)**; the next one is dialled |
 * | Fabrikam Annex | new_mail_account (no policy) | escalate_partner: a missing policy means no approvers |
 * | Bluebird (AU) | password.reset, self [Sam] | proceed: noApprovalNeeded |
 * | Bluebird | password.reset, subject other / shared | approval_required even so: Grace Nguyen is dialled (no-approval covers own account only) |
 * | Bluebird | user.* / mail.* / permission.* / software.install | proceed: noApprovalNeeded |
 * | Bluebird | rmm.install managed / unmanaged | tier4 / escalate_partner |
 *
 * Every fixture site notifies helpdesk-escalations@brightline-msp.example (plus a site-specific
 * contact for some), which `POST /v1/approvals/escalations` emails into the demo outbox.
 */
import type { z } from 'zod';
import { SitePolicyRecord } from '../../shared/api/index.js';
import type { ApprovalPhone, Approver, CategoryPolicy, PolicyCategory } from '../../shared/approvals/index.js';
import { POLICY_CATEGORIES } from '../../shared/approvals/index.js';
import type { ClientProfile, Site } from '../../shared/domain/index.js';
import type { GeneratedDirectory } from './generate.js';
import { mulberry32, type Rng } from './prng.js';

type PhoneIn = z.input<typeof ApprovalPhone>;
type ApproverIn = z.input<typeof Approver>;
type PolicyIn = z.input<typeof CategoryPolicy>;
type RecordIn = z.input<typeof SitePolicyRecord>;

const attMobile = (number: string): PhoneIn => ({
  number,
  type: 'mobile',
  country: 'US',
  provider: 'AT&T',
  smsGateway: '@txt.att.com',
});
const verizonMobile = (number: string): PhoneIn => ({
  number,
  type: 'mobile',
  country: 'US',
  provider: 'Verizon',
  smsGateway: '@vtext.com',
});
const office = (number: string): PhoneIn => ({ number, type: 'office' });

export const MSP_ESCALATIONS = {
  name: 'Brightline MSP help desk escalations',
  email: 'helpdesk-escalations@brightline-msp.example',
};

/** The MSP's own on-call contact: a partner approver (never sent SMS codes). */
export const PARTNER_ON_CALL: ApproverIn = {
  kind: 'partner',
  name: 'Brightline on-call engineer',
  phones: [office('+1 206 555 0190')],
};

const MORGAN: ApproverIn = {
  kind: 'client',
  name: 'Morgan Lee',
  phones: [attMobile('+1 206 555 0121'), office('(206) 555-0122')],
};
const PRIYA: ApproverIn = { kind: 'client', name: 'Priya Shah', phones: [verizonMobile('+1 206 555 0123')] };
const HARRIET: ApproverIn = {
  kind: 'client',
  name: 'Harriet Clarke',
  phones: [
    { number: '020 7946 0959', type: 'office' },
    { number: '07700 900456', type: 'mobile', country: 'GB', provider: 'EE' },
  ],
};
const CONTOSO_PARTNER: ApproverIn = {
  kind: 'partner',
  name: 'Brightline UK account manager',
  phones: [{ number: '+44 20 7946 0990', type: 'office' }],
};
const FRONT_DESK: ApproverIn = {
  kind: 'group',
  name: 'Fabrikam Front Desk',
  phones: [office('+1 312 555 0141'), office('+1 312 555 0142')],
};
const KIM: ApproverIn = { kind: 'client', name: 'Kim Alvarez', phones: [office('+1 312 555 0143')] };
const LUIS: ApproverIn = {
  kind: 'client',
  name: 'Luis Ortega',
  phones: [
    { number: '+1 312 555 0144', type: 'mobile', provider: 'T-Mobile', smsGateway: '@tmomail.net' },
    office('+1 312 555 0145'),
  ],
};
const JO: ApproverIn = { kind: 'client', name: 'Jo Park', phones: [office('555-01'), office('+1 312 555 0146')] };
const GRACE: ApproverIn = {
  kind: 'client',
  name: 'Grace Nguyen',
  phones: [{ number: '0491 570 156', type: 'mobile', country: 'AU', provider: 'Telstra' }],
};

const policy = (p: Partial<PolicyIn> = {}): PolicyIn => ({
  noApprovalNeeded: false,
  approvers: [],
  authenticateCaller: 'none',
  authenticateApprover: 'none',
  ...p,
});
const noApproval = policy({ noApprovalNeeded: true });

const FIXTURE_POLICY_INPUTS: RecordIn[] = [
  {
    siteId: 'site-northwind',
    policies: {
      password_reset: policy({ approvers: [MORGAN, PRIYA], authenticateCaller: 'sms', authenticateApprover: 'sms' }),
      new_user_account: policy({
        approvers: [MORGAN],
        usernameFormat: '{first}.{last}',
        defaultSecurityGroups: ['Staff', 'VPN Users', 'Finance'],
      }),
      new_mail_account: policy({
        approvers: [MORGAN],
        emailFormat: '{first}.{last}@northwindtraders.com',
        defaultDistributionGroups: ['All Staff', 'Seattle Office'],
      }),
      permission_change: policy({ approvers: [MORGAN, PARTNER_ON_CALL], authenticateApprover: 'sms' }),
      software_installation: policy({ approvers: [MORGAN] }),
      rmm_installation: noApproval,
    },
    unlicensedSoftware: [
      { name: 'Zoom', action: 'install' },
      { name: 'TeamViewer', action: 'never' },
      { name: 'Dropbox', action: 'call_approver' },
    ],
    partnerContacts: [PARTNER_ON_CALL],
    notificationContacts: [
      MSP_ESCALATIONS,
      { name: 'Morgan Lee (Northwind IT)', email: 'morgan.lee@northwindtraders.com' },
    ],
  },
  {
    siteId: 'site-contoso-london',
    policies: {
      new_user_account: policy({ usernameFormat: '{f}{last}' }),
      new_mail_account: policy({ approvers: [CONTOSO_PARTNER], emailFormat: '{first}.{last}@contoso-uk.com' }),
      password_reset: policy({ approvers: [HARRIET], authenticateApprover: 'sms' }),
      permission_change: policy({ approvers: [HARRIET], authenticateCaller: 'sms' }),
      software_installation: policy({ approvers: [HARRIET] }),
      rmm_installation: policy({ approvers: [HARRIET] }),
    },
    unlicensedSoftware: [
      { name: 'uTorrent', action: 'never' },
      { name: 'Spotify', action: 'install' },
    ],
    partnerContacts: [CONTOSO_PARTNER],
    notificationContacts: [
      MSP_ESCALATIONS,
      { name: 'Brightline UK service desk', email: 'uk-servicedesk@brightline-msp.example' },
    ],
  },
  {
    siteId: 'site-fabrikam',
    policies: {
      permission_change: policy({ approvers: [FRONT_DESK] }),
      password_reset: policy({ approvers: [KIM, LUIS], authenticateApprover: 'sms' }),
      software_installation: policy({ approvers: [LUIS, PARTNER_ON_CALL], authenticateApprover: 'sms' }),
      new_user_account: policy({ approvers: [FRONT_DESK], usernameFormat: '{first}{l}' }),
      new_mail_account: policy({ approvers: [FRONT_DESK], emailFormat: '{f}{last}@fabrikam.com' }),
      rmm_installation: policy({ approvers: [LUIS] }),
    },
    unlicensedSoftware: [{ name: 'Slack', action: 'call_approver' }],
    groupContacts: [FRONT_DESK],
    partnerContacts: [PARTNER_ON_CALL],
    notificationContacts: [MSP_ESCALATIONS],
  },
  {
    siteId: 'site-fabrikam-annex',
    policies: {
      password_reset: policy({ approvers: [JO] }),
      permission_change: policy({ approvers: [JO] }),
    },
    partnerContacts: [PARTNER_ON_CALL],
    notificationContacts: [MSP_ESCALATIONS],
  },
  {
    siteId: 'site-bluebird',
    policies: {
      password_reset: policy({ noApprovalNeeded: true, approvers: [GRACE] }),
      new_user_account: { ...noApproval, usernameFormat: '{first}' },
      new_mail_account: noApproval,
      permission_change: noApproval,
      software_installation: noApproval,
      rmm_installation: noApproval,
    },
    unlicensedSoftware: [{ name: 'TeamViewer', action: 'call_approver' }],
    notificationContacts: [MSP_ESCALATIONS, { name: 'Grace Nguyen (owner)', email: 'grace@bluebirdbakery.example' }],
  },
];

export const FIXTURE_POLICIES: SitePolicyRecord[] = FIXTURE_POLICY_INPUTS.map((r) => SitePolicyRecord.parse(r));

const SOFTWARE = [
  'Zoom',
  'Slack',
  'TeamViewer',
  'AnyDesk',
  'Dropbox',
  'Spotify',
  'WinRAR',
  '7-Zip',
  'uTorrent',
  'Notepad++',
  'VLC media player',
  'Google Chrome',
] as const;
const USERNAME_FORMATS = ['{first}.{last}', '{f}{last}', '{first}{l}', '{last}.{first}'] as const;

function approverFrom(profile: ClientProfile): ApproverIn {
  return {
    kind: 'client',
    name: `${profile.firstName} ${profile.lastName}`,
    profileId: profile.id,
    phones: profile.phones,
  };
}

function generatedPolicy(
  rng: Rng,
  category: PolicyCategory,
  site: Site,
  candidates: readonly ApproverIn[],
): PolicyIn | undefined {
  const roll = rng.next();
  if (roll < 0.08) return undefined;
  const sms = (p: number) => (rng.chance(p) ? 'sms' : 'none') as 'sms' | 'none';
  const count = roll < 0.3 ? 0 : roll < 0.75 ? 1 : 2;
  const approvers = count === 0 ? [] : [...new Set(Array.from({ length: count }, () => rng.pick(candidates)))];
  const p = policy({
    noApprovalNeeded: roll < 0.3 || rng.chance(0.05),
    approvers,
    authenticateCaller: sms(0.3),
    authenticateApprover: sms(0.3),
  });
  if (category === 'new_user_account')
    return { ...p, usernameFormat: rng.pick(USERNAME_FORMATS), defaultSecurityGroups: ['Staff'] };
  if (category === 'new_mail_account' && site.emailDomain)
    return { ...p, emailFormat: `{first}.{last}@${site.emailDomain}`, defaultDistributionGroups: ['All Staff'] };
  return p;
}

/**
 * Policies for about 60% of the generated sites (deterministic for a seed; the directory's own
 * generation is untouched). Approvers are the site's profiles that have phones, else the partner.
 */
export function generatePolicies(
  directory: Pick<GeneratedDirectory, 'sites' | 'profiles'>,
  seed: number | string,
): SitePolicyRecord[] {
  const rng = mulberry32(`${seed}/policies`);
  const bySite = new Map<string, ClientProfile[]>();
  for (const p of directory.profiles)
    if (p.phones.length > 0) bySite.set(p.siteId, [...(bySite.get(p.siteId) ?? []), p]);
  const out: RecordIn[] = [];
  for (const site of directory.sites) {
    if (!/^site-\d/.test(site.id) || !rng.chance(0.6)) continue;
    const people = (bySite.get(site.id) ?? []).slice(0, 6);
    const candidates = people.length > 0 ? people.map(approverFrom) : [PARTNER_ON_CALL];
    const policies: Partial<Record<PolicyCategory, PolicyIn>> = {};
    for (const category of POLICY_CATEGORIES) {
      const p = generatedPolicy(rng, category, site, candidates);
      if (p) policies[category] = p;
    }
    const software = [...new Set(Array.from({ length: rng.int(0, 4) }, () => rng.pick(SOFTWARE)))];
    out.push({
      siteId: site.id,
      policies,
      unlicensedSoftware: software.map((name) => ({
        name,
        action: rng.pick(['install', 'call_approver', 'never'] as const),
      })),
      partnerContacts: [PARTNER_ON_CALL],
      notificationContacts: [MSP_ESCALATIONS],
    });
  }
  return out.map((r) => SitePolicyRecord.parse(r));
}

/** Fixture policies plus generated ones for the generated sites. */
export function demoPolicies(
  directory: Pick<GeneratedDirectory, 'sites' | 'profiles'>,
  seed: number | string,
): SitePolicyRecord[] {
  return [...FIXTURE_POLICIES, ...generatePolicies(directory, seed)];
}
