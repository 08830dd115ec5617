/**
 * Zod schemas for the approvals engine: exactly the JSON shapes of APPROVALS.md §6, which the
 * `evaluate` command and the acceptance scenarios use. Inputs are parsed here once; `evaluate`
 * then works on the parsed (defaulted) values and never validates again.
 *
 * Leniency, on purpose: unknown keys are dropped (not rejected) so a newer client can send extra
 * fields; `null` or "" for an optional string means "absent"; country codes are upper-cased.
 */
import { z } from 'zod';
import { CountryCode as StrictCountryCode, PhoneType } from '../domain/phone.js';
import { ACTION_IDS, POLICY_CATEGORIES, type PolicyCategory } from './catalogue.js';

const CountryCode = z.string().trim().toUpperCase().pipe(StrictCountryCode);

/** An optional text field where `null`, "" and whitespace all mean "not given". */
const optionalText = z.preprocess(
  (v) => (v == null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
  z.string().trim().optional(),
);

/**
 * A phone as the approvals engine sees it. `number` may be in any format; the engine normalises it
 * to E.164 with `country`, else the site's country. `type` defaults to `other` (never SMS-capable).
 * Only a `mobile` phone with an `smsGateway` can receive an SMS code.
 */
export const ApprovalPhone = z.object({
  number: z.string().trim().min(1, 'enter a phone number'),
  type: PhoneType.default('other'),
  country: CountryCode.optional(),
  provider: optionalText,
  smsGateway: optionalText,
});
export type ApprovalPhone = z.infer<typeof ApprovalPhone>;

export const ApproverKind = z.enum(['client', 'partner', 'group']);
export type ApproverKind = z.infer<typeof ApproverKind>;

/** An approver: a client profile, one of the MSP's own (partner) contacts, or a group contact. */
export const Approver = z.object({
  kind: ApproverKind,
  name: z.string().trim().min(1, 'enter the approver name'),
  profileId: optionalText,
  phones: z.array(ApprovalPhone).min(1, 'an approver needs at least one phone number'),
});
export type Approver = z.infer<typeof Approver>;

export const AuthMode = z.enum(['none', 'sms']);
export type AuthMode = z.infer<typeof AuthMode>;

/** The site's policy for one category (APPROVALS.md §2). */
export const CategoryPolicy = z.object({
  noApprovalNeeded: z.boolean().default(false),
  /** In calling order. */
  approvers: z.array(Approver).max(2, 'list at most two approvers, in calling order').default([]),
  authenticateCaller: AuthMode.default('none'),
  authenticateApprover: AuthMode.default('none'),
  /** new_user_account: e.g. "{first}.{last}". */
  usernameFormat: optionalText,
  defaultSecurityGroups: z.array(z.string()).optional(),
  /** new_mail_account: e.g. "{first}.{last}@acme.com". */
  emailFormat: optionalText,
  defaultDistributionGroups: z.array(z.string()).optional(),
});
export type CategoryPolicy = z.infer<typeof CategoryPolicy>;

/** One policy per category except `tier4`; a missing one means "no approvers". */
export const SitePolicies = z.object(
  Object.fromEntries(POLICY_CATEGORIES.map((c) => [c, CategoryPolicy.optional()])) as Record<
    PolicyCategory,
    z.ZodOptional<typeof CategoryPolicy>
  >,
);
export type SitePolicies = z.infer<typeof SitePolicies>;

export const SoftwareAction = z.enum(['install', 'call_approver', 'never']);
export type SoftwareAction = z.infer<typeof SoftwareAction>;

export const UnlicensedSoftware = z.object({
  name: z.string().trim().min(1, 'enter the software name'),
  action: SoftwareAction,
});
export type UnlicensedSoftware = z.infer<typeof UnlicensedSoftware>;

export const SiteReferenceTag = z.object({ id: z.string().min(1), tags: z.array(z.string()).default([]) });

export const Person = z.object({
  profileId: z.string().min(1),
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  phones: z.array(ApprovalPhone).default([]),
});
export type Person = z.infer<typeof Person>;

export const SiteRules = z.object({
  siteId: z.string().min(1, 'enter the site id'),
  /** ISO 3166 alpha-2; the default country for phones that carry none. */
  country: CountryCode.optional(),
  rmmAgentOptIn: z.boolean().default(false),
  policies: SitePolicies.default({}),
  unlicensedSoftware: z.array(UnlicensedSoftware).default([]),
  references: z.array(SiteReferenceTag).default([]),
  people: z.array(Person).default([]),
});
export type SiteRules = z.infer<typeof SiteRules>;
export type SiteRulesInput = z.input<typeof SiteRules>;

const ACTION_LIST = ACTION_IDS.join(', ');

export const ActionId = z.enum(ACTION_IDS, {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `unknown action id ${JSON.stringify(issue.input)}; use one of ${ACTION_LIST}`
      : `enter an action id (a string); use one of ${ACTION_LIST}`,
});

export const Subject = z.enum(['self', 'other', 'shared', 'admin']);
export type Subject = z.infer<typeof Subject>;
export const Target = z.enum(['workstation', 'server']);
export type Target = z.infer<typeof Target>;

export const ApprovalRequest = z.object({
  siteId: z.string().min(1, 'enter the site id'),
  action: ActionId,
  callerProfileId: optionalText,
  subject: Subject.default('self'),
  target: Target.default('workstation'),
  software: optionalText,
  /** The caller's machine is not one of the site's managed machines (e.g. a home PC). */
  unmanagedMachine: z.boolean().default(false),
});
export type ApprovalRequest = z.infer<typeof ApprovalRequest>;
export type ApprovalRequestInput = z.input<typeof ApprovalRequest>;

/** Input of the `evaluate` command: one site's rules and one request for that site. */
export const EvaluateInput = z
  .object({ site: SiteRules, request: ApprovalRequest })
  .refine((v) => v.site.siteId === v.request.siteId, {
    message: 'does not match site.siteId; evaluate a request only against its own site',
    path: ['request', 'siteId'],
  });
export type EvaluateInput = z.infer<typeof EvaluateInput>;

export const Outcome = z.enum(['proceed', 'approval_required', 'tier4', 'escalate_partner', 'blocked']);
export type Outcome = z.infer<typeof Outcome>;

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'use an E.164 number such as +12065550101');

export const AuthenticateCallerStep = z.object({
  kind: z.literal('authenticate_caller'),
  profileId: z.string(),
  /** Where the SMS code goes (E.164). */
  number: E164,
});
export const DialStep = z.object({
  kind: z.literal('dial'),
  approver: z.string(),
  approverKind: ApproverKind,
  number: E164,
  /** Send the approver an SMS code and check it before accepting the decision. */
  authenticate: z.boolean(),
});
export type DialStep = z.infer<typeof DialStep>;
export const DecisionStep = z.discriminatedUnion('kind', [AuthenticateCallerStep, DialStep]);
export type DecisionStep = z.infer<typeof DecisionStep>;

export const Decision = z.object({
  outcome: Outcome,
  reasons: z.array(z.string()),
  /** In order; empty unless proceed / approval_required; at most two dial steps. */
  steps: z.array(DecisionStep),
  templates: z.object({
    username: z.string().optional(),
    email: z.string().optional(),
    securityGroups: z.array(z.string()).optional(),
    distributionGroups: z.array(z.string()).optional(),
  }),
  notices: z.array(z.object({ kind: z.literal('rmm_fee'), text: z.string() })),
});
export type Decision = z.infer<typeof Decision>;
