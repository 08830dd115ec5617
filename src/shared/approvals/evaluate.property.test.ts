// Property tests of `evaluate` over random sites and requests: total, well-formed, never more than
// two dial attempts, and every decision is one the workflow accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, getAction, POLICY_CATEGORIES } from './catalogue.js';
import { evaluate } from './evaluate.js';
import { ApprovalRequest, Decision, SiteRules } from './schemas.js';
import { start } from './workflow.js';

const phone = fc.record(
  {
    number: fc.constantFrom(
      '+12065550121',
      '206-555-0122',
      '(206) 555-0141 x7',
      '020 7946 0958',
      'n/a',
      '+44 20 7946 0000',
    ),
    type: fc.constantFrom('mobile', 'office', 'home', 'other'),
    country: fc.constantFrom('US', 'GB'),
    smsGateway: fc.constantFrom('@txt.att.com', ''),
  },
  { requiredKeys: ['number'] },
);
const approver = fc.record({
  kind: fc.constantFrom('client', 'partner', 'group'),
  name: fc.constantFrom('Lee Chan', 'Pat Partner', 'Front desk'),
  phones: fc.array(phone, { minLength: 1, maxLength: 3 }),
});
const policy = fc.record(
  {
    noApprovalNeeded: fc.boolean(),
    approvers: fc.array(approver, { maxLength: 2 }),
    authenticateCaller: fc.constantFrom('none', 'sms'),
    authenticateApprover: fc.constantFrom('none', 'sms'),
    usernameFormat: fc.constantFrom('{first}.{last}', '{f}{last}', '{middle}'),
    emailFormat: fc.constantFrom('{first}.{last}@acme.com'),
    defaultSecurityGroups: fc.array(fc.constantFrom('Staff', 'VPN')),
  },
  { requiredKeys: [] },
);
const site = fc.record({
  siteId: fc.constant('S1'),
  country: fc.constantFrom('US', 'GB'),
  rmmAgentOptIn: fc.boolean(),
  policies: fc.record(Object.fromEntries(POLICY_CATEGORIES.map((c) => [c, policy])), { requiredKeys: [] }),
  unlicensedSoftware: fc.array(
    fc.record({
      name: fc.constantFrom('Zoom', 'Slack 4.x', 'uTorrent'),
      action: fc.constantFrom('install', 'call_approver', 'never'),
    }),
  ),
  references: fc.array(
    fc.record({
      id: fc.constantFrom('r1', 'r2'),
      tags: fc.array(fc.constantFrom('rmm-preapproved', 'security-related-requests')),
    }),
  ),
  people: fc.array(
    fc.record({
      profileId: fc.constantFrom('p1', 'p2'),
      firstName: fc.constantFrom('José', 'Dana', ''),
      lastName: fc.constantFrom("O'Brien", 'Reyes'),
      phones: fc.array(phone, { maxLength: 2 }),
    }),
  ),
});
const request = fc.record(
  {
    siteId: fc.constant('S1'),
    action: fc.constantFrom(...ACTION_IDS),
    callerProfileId: fc.constantFrom('p1', 'p2', 'p9'),
    subject: fc.constantFrom('self', 'other', 'shared', 'admin'),
    target: fc.constantFrom('workstation', 'server'),
    software: fc.constantFrom('Zoom 5.17', 'slack', 'uTorrent (x64)', 'Photoshop'),
    unmanagedMachine: fc.boolean(),
  },
  { requiredKeys: ['siteId', 'action'] },
);

describe('evaluate properties', () => {
  it('every decision is well-formed and acceptable to the workflow', () => {
    fc.assert(
      fc.property(site, request, (siteInput, requestInput) => {
        const s = SiteRules.parse(siteInput);
        const r = ApprovalRequest.parse(requestInput);
        const d = evaluate(s, r);
        expect(Decision.parse(d)).toEqual(d);
        expect(d.reasons.length).toBeGreaterThan(0);
        const dials = d.steps.filter((x) => x.kind === 'dial');
        expect(dials.length).toBeLessThanOrEqual(2);
        if (d.outcome !== 'proceed' && d.outcome !== 'approval_required') expect(d.steps).toEqual([]);
        if (d.outcome === 'approval_required') expect(dials.length).toBeGreaterThan(0);
        if (d.outcome === 'proceed') expect(dials).toEqual([]);
        if (getAction(r.action)?.tier4) expect(d.outcome).toBe('tier4');
        const category = getAction(r.action)!.category;
        const p = category === 'tier4' ? undefined : s.policies[category];
        for (const step of dials) {
          if (step.authenticate)
            expect(step.approverKind !== 'partner' && p?.authenticateApprover === 'sms').toBe(true);
        }
        if (d.steps[0]?.kind === 'authenticate_caller') expect(p?.authenticateCaller).toBe('sms');
        expect(() => start(d)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});
