// APPROVALS.md §3 "Then, for approval_required": call plan, SMS authentication, escalation; and the
// Decision extras (templates, E.164 numbers).
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { exampleSite, FRONT_DESK, LEE_CHAN, PAT_PARTNER, type ExampleSitePatch } from './exampleSite.js';
import { ApprovalRequest, Decision, type ApprovalRequestInput } from './schemas.js';

const request = (extra: Partial<ApprovalRequestInput> = {}) =>
  ApprovalRequest.parse({ siteId: 'S1', action: 'permission.ntfs', callerProfileId: 'p1', ...extra });
const withPermission = (
  p: NonNullable<ExampleSitePatch['policies']>['permission_change'],
  patch: ExampleSitePatch = {},
) => exampleSite({ ...patch, policies: { permission_change: p } });
const dials = (d: Decision) => d.steps.filter((s) => s.kind === 'dial');

describe('escalation instead of a call plan', () => {
  it('(choice) no approvers configured → escalate_partner, reasons say the site is misconfigured', () => {
    const d = evaluate(withPermission({ approvers: [] }), request());
    expect(d).toMatchObject({ outcome: 'escalate_partner', steps: [] });
    expect(d.reasons.join(' ')).toContain('misconfigured');
  });
  it('only partner approvers → escalate_partner ("escalated to your team for approval")', () => {
    const d = evaluate(withPermission({ approvers: [PAT_PARTNER] }), request());
    expect(d.outcome).toBe('escalate_partner');
    expect(d.reasons.join(' ')).toContain('the ticket will be escalated to your team for approval');
  });
});

describe('call plan: at most two dial attempts', () => {
  it('two approvers: the first number of each, in order, partners included', () => {
    const d = evaluate(withPermission({ approvers: [PAT_PARTNER, LEE_CHAN] }), request());
    expect(dials(d)).toEqual([
      { kind: 'dial', approver: 'Pat Partner', approverKind: 'partner', number: '+12065550131', authenticate: false },
      { kind: 'dial', approver: 'Lee Chan', approverKind: 'client', number: '+12065550121', authenticate: false },
    ]);
  });
  it('one approver: its first two numbers, as E.164', () => {
    const d = evaluate(withPermission({ approvers: [LEE_CHAN] }), request());
    expect(dials(d).map((s) => s.number)).toEqual(['+12065550121', '+12065550122']); // "(206) 555-0122" normalised
    const group = evaluate(
      withPermission({
        approvers: [{ ...FRONT_DESK, phones: [...FRONT_DESK.phones, { number: '+12065550143', type: 'office' }] }],
      }),
      request(),
    );
    expect(dials(group).map((s) => s.number)).toEqual(['+12065550141', '+12065550142']);
  });
  it('one approver with one number: one dial attempt', () => {
    const d = evaluate(withPermission({ approvers: [{ ...LEE_CHAN, phones: [LEE_CHAN.phones[0]!] }] }), request());
    expect(dials(d)).toHaveLength(1);
  });
  it("a phone's own country wins over the site's", () => {
    const uk = {
      kind: 'client' as const,
      name: 'Alex Hill',
      phones: [{ number: '020 7946 0958', type: 'office' as const, country: 'GB' }],
    };
    expect(dials(evaluate(withPermission({ approvers: [uk] }), request()))[0]?.number).toBe('+442079460958');
  });
  it('(choice) a number that cannot be normalised is skipped and reported', () => {
    const bad = { ...LEE_CHAN, phones: [{ number: 'call reception', type: 'office' as const }, ...LEE_CHAN.phones] };
    const d = evaluate(withPermission({ approvers: [bad] }), request());
    expect(dials(d).map((s) => s.number)).toEqual(['+12065550121', '+12065550122']);
    expect(d.reasons.join(' ')).toContain('"call reception" was skipped');
  });
});

describe('SMS authentication of the caller', () => {
  it('applies to approval_required: the code goes to the first mobile phone with an SMS gateway', () => {
    const d = evaluate(withPermission({ authenticateCaller: 'sms' }), request());
    expect(d.outcome).toBe('approval_required');
    expect(d.steps[0]).toEqual({ kind: 'authenticate_caller', profileId: 'p1', number: '+12065550101' });
    expect(d.reasons.join(' ')).toContain('permission_change policy: authenticateCaller is sms');
  });
  it('applies to proceed', () => {
    const d = evaluate(withPermission({ noApprovalNeeded: true, authenticateCaller: 'sms' }), request());
    expect(d).toMatchObject({ outcome: 'proceed', steps: [{ kind: 'authenticate_caller', profileId: 'p1' }] });
  });
  it('does not apply to tier4, blocked or escalate_partner outcomes', () => {
    const site = exampleSite({ policies: { software_installation: { authenticateCaller: 'sms' } } });
    expect(evaluate(site, request({ action: 'software.install', software: 'uTorrent' })).steps).toEqual([]);
    expect(evaluate(site, request({ action: 'software.install', target: 'server' })).steps).toEqual([]);
  });
  it('impossible for a caller without an SMS-capable mobile → escalate_partner', () => {
    const d = evaluate(withPermission({ authenticateCaller: 'sms' }), request({ callerProfileId: 'p2' }));
    expect(d).toMatchObject({ outcome: 'escalate_partner', steps: [] });
    expect(d.reasons.join(' ')).toContain('Sam Ortiz has no mobile phone with an SMS gateway');
  });
  it('a mobile without a gateway, or a gateway on a non-mobile phone, does not count', () => {
    const people = [
      {
        profileId: 'p1',
        firstName: 'Dana',
        lastName: 'Reyes',
        phones: [
          { number: '+12065550101', type: 'mobile' as const },
          { number: '+12065550100', type: 'office' as const, smsGateway: '@txt.att.com' },
        ],
      },
    ];
    expect(evaluate(withPermission({ authenticateCaller: 'sms' }, { people }), request()).outcome).toBe(
      'escalate_partner',
    );
  });
  it('impossible for an unidentified caller (or an unknown profile) → escalate_partner', () => {
    const site = withPermission({ noApprovalNeeded: true, authenticateCaller: 'sms' });
    const d = evaluate(site, request({ callerProfileId: undefined }));
    expect(d.outcome).toBe('escalate_partner');
    expect(d.reasons.join(' ')).toContain('the caller is unidentified');
    expect(evaluate(site, request({ callerProfileId: 'p404' })).reasons.join(' ')).toContain(
      'p404 is not one of the site',
    );
  });
});

describe('SMS authentication of approvers', () => {
  const groupWithMobile = {
    ...FRONT_DESK,
    phones: [...FRONT_DESK.phones, { number: '+12065550149', type: 'mobile' as const, smsGateway: '@vtext.com' }],
  };

  it('client and group approvers dialled get authenticate: true', () => {
    const d = evaluate(
      withPermission({ approvers: [LEE_CHAN, groupWithMobile], authenticateApprover: 'sms' }),
      request(),
    );
    expect(dials(d).map((s) => [s.approver, s.authenticate])).toEqual([
      ['Lee Chan', true],
      ['Front desk', true],
    ]);
  });
  it('(choice) partner approvers are never sent a code', () => {
    const d = evaluate(withPermission({ approvers: [LEE_CHAN, PAT_PARTNER], authenticateApprover: 'sms' }), request());
    expect(dials(d).map((s) => [s.approverKind, s.authenticate])).toEqual([
      ['client', true],
      ['partner', false],
    ]);
  });
  it('(choice) approvers who cannot receive a code are left out before the plan is built', () => {
    const d = evaluate(withPermission({ approvers: [FRONT_DESK, LEE_CHAN], authenticateApprover: 'sms' }), request());
    // Front desk has no mobile: Lee Chan is now the only approver and gets both dial attempts.
    expect(dials(d).map((s) => s.approver)).toEqual(['Lee Chan', 'Lee Chan']);
    expect(d.reasons.join(' ')).toContain('Front desk has no mobile phone with an SMS gateway');
  });
  it('none left → escalate_partner', () => {
    const d = evaluate(withPermission({ approvers: [FRONT_DESK], authenticateApprover: 'sms' }), request());
    expect(d).toMatchObject({ outcome: 'escalate_partner', steps: [] });
  });
  it('with authenticateApprover none nobody is authenticated', () => {
    expect(dials(evaluate(withPermission({ approvers: [LEE_CHAN] }), request())).every((s) => !s.authenticate)).toBe(
      true,
    );
  });
});

describe('templates', () => {
  const d = (action: string, people?: ExampleSitePatch['people']) =>
    evaluate(exampleSite(people ? { people } : {}), request({ action }));
  const jose = [{ profileId: 'p1', firstName: 'José', lastName: "O'Brien", phones: [] }];

  it('new_user_account: username for the caller and the default security groups', () => {
    expect(d('user.create_aduc', jose).templates).toEqual({
      username: 'jose.obrien',
      securityGroups: ['Staff', 'VPN Users'],
    });
  });
  it('new_mail_account: email for the caller and the default distribution groups', () => {
    expect(d('mail.create_mailbox').templates).toEqual({
      email: 'dana.reyes@acme.com',
      distributionGroups: ['All Staff'],
    });
  });
  it('no username when the caller is unknown; nothing for other categories', () => {
    const unknown = evaluate(exampleSite(), request({ action: 'user.create_aduc', callerProfileId: undefined }));
    expect(unknown.templates).toEqual({ securityGroups: ['Staff', 'VPN Users'] });
    expect(d('permission.ntfs').templates).toEqual({});
  });
});

describe('every decision matches the §6 Decision shape', () => {
  it('parses with the Decision schema', () => {
    const site = withPermission({ authenticateCaller: 'sms', authenticateApprover: 'sms' });
    expect(() => Decision.parse(evaluate(site, request()))).not.toThrow();
  });
});
