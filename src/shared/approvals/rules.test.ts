// APPROVALS.md §3 rules 1–5, in order, through `evaluate` (the public entry point).
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.js';
import { evaluate, RMM_FEE_TEXT } from './evaluate.js';
import { exampleSite } from './exampleSite.js';
import { ApprovalRequest, type ApprovalRequestInput } from './schemas.js';

const request = (action: string, extra: Partial<ApprovalRequestInput> = {}) =>
  ApprovalRequest.parse({ siteId: 'S1', action, callerProfileId: 'p1', ...extra });

describe('rule 1: Tier 4 actions', () => {
  const t4 = CATALOGUE.filter((a) => a.tier4);
  it.each(t4.map((a) => a.id))('%s is tier4 whatever the site says', (id) => {
    const site = exampleSite({ policies: { permission_change: { noApprovalNeeded: true } } });
    const d = evaluate(site, request(id));
    expect(d.outcome).toBe('tier4');
    expect(d.steps).toEqual([]);
    expect(d.reasons[0]).toContain('always requires Tier 4');
  });
  it('covers exactly the ten t4.* ids', () => {
    expect(t4.map((a) => a.id)).toHaveLength(10);
    expect(t4.every((a) => a.id.startsWith('t4.') && a.category === 'tier4')).toBe(true);
  });
});

describe('rule 2: password resets', () => {
  const yes = exampleSite({ policies: { password_reset: { noApprovalNeeded: true, authenticateCaller: 'sms' } } });
  const no = exampleSite();

  it('walking the caller through their own password change: proceed, no approval, no auth', () => {
    const d = evaluate(yes, request('password.self_change_walkthrough'));
    expect(d.outcome).toBe('proceed');
    expect(d.steps).toEqual([]); // authenticateCaller: sms does not apply to the walkthrough
    expect(evaluate(no, request('password.self_change_walkthrough')).outcome).toBe('proceed');
  });
  it('(choice) a walkthrough for someone else falls through to the subject rules', () => {
    expect(evaluate(yes, request('password.self_change_walkthrough', { subject: 'other' })).outcome).toBe(
      'approval_required',
    );
    expect(evaluate(yes, request('password.self_change_walkthrough', { subject: 'admin' })).outcome).toBe('tier4');
  });
  it('an administrator account is tier4, for resets and MFA changes alike', () => {
    expect(evaluate(yes, request('password.reset', { subject: 'admin' })).outcome).toBe('tier4');
    expect(evaluate(yes, request('password.mfa_change', { subject: 'admin' })).outcome).toBe('tier4');
  });
  it.each(['other', 'shared'] as const)('subject %s needs approval even when noApprovalNeeded is true', (subject) => {
    const d = evaluate(yes, request('password.reset', { subject }));
    expect(d.outcome).toBe('approval_required');
    expect(d.reasons[0]).toContain('password_reset policy: noApprovalNeeded is true');
    expect(d.steps.filter((s) => s.kind === 'dial')).toHaveLength(2); // the approvers are used here
  });
  it('own password or own MFA: noApprovalNeeded → proceed, otherwise approval_required', () => {
    const own = evaluate(yes, request('password.reset'));
    expect(own.outcome).toBe('proceed');
    expect(own.reasons[0]).toBe('password_reset policy: noApprovalNeeded is true');
    expect(evaluate(yes, request('password.mfa_change')).outcome).toBe('proceed');
    const ask = evaluate(no, request('password.reset'));
    expect(ask.outcome).toBe('approval_required');
    expect(ask.reasons[0]).toBe('password_reset policy: noApprovalNeeded is false');
    expect(evaluate(no, request('password.mfa_change')).outcome).toBe('approval_required');
  });
});

describe('rule 3: software installation', () => {
  const open = exampleSite({ policies: { software_installation: { noApprovalNeeded: true } } });

  it('a server target is tier4, even for software the list allows', () => {
    expect(evaluate(open, request('software.install', { target: 'server', software: 'Zoom' })).outcome).toBe('tier4');
    expect(evaluate(open, request('software.update', { target: 'server' })).outcome).toBe('tier4');
  });
  it('the Unlicensed Software list decides: install → proceed, never → blocked, call_approver → approval_required', () => {
    const site = exampleSite(); // software policy: approval required
    const zoom = evaluate(site, request('software.install', { software: 'Zoom' }));
    expect(zoom.outcome).toBe('proceed');
    expect(zoom.reasons[0]).toContain('Unlicensed Software list: "Zoom" is set to install');
    const torrent = evaluate(open, request('software.install', { software: 'uTorrent' }));
    expect(torrent).toMatchObject({ outcome: 'blocked', steps: [] });
    expect(torrent.reasons[0]).toContain('is set to never');
    expect(evaluate(open, request('software.update', { software: 'Slack' })).outcome).toBe('approval_required');
  });
  it('(choice) names match case-insensitively, ignoring version suffixes', () => {
    const site = exampleSite();
    for (const name of ['zoom', 'ZOOM 5.17.2', 'Zoom v6', 'Zoom (x64)', 'Zoom version 6.1'])
      expect(evaluate(site, request('software.install', { software: name })).outcome, name).toBe('proceed');
    expect(evaluate(site, request('software.install', { software: 'Zoom Workplace' })).outcome).toBe(
      'approval_required',
    );
  });
  it('software not on the list, or not named, follows the category policy', () => {
    expect(evaluate(open, request('software.install', { software: 'Photoshop' })).outcome).toBe('proceed');
    expect(evaluate(exampleSite(), request('software.install')).reasons[0]).toBe(
      'software_installation policy: noApprovalNeeded is false',
    );
    expect(evaluate(open, request('software.admin_credentials')).outcome).toBe('proceed');
  });
});

describe('rule 4: RMM installation', () => {
  const tagged = [{ id: 'r9', tags: ['rmm-preapproved'] }];

  it('remove-and-reinstall for troubleshooting proceeds', () => {
    expect(evaluate(exampleSite(), request('rmm.reinstall_troubleshooting')).outcome).toBe('proceed');
    expect(evaluate(exampleSite(), request('rmm.reinstall_troubleshooting', { unmanagedMachine: true })).outcome).toBe(
      'proceed',
    );
  });
  it('an unmanaged machine without rmmAgentOptIn is escalated to the partner', () => {
    const d = evaluate(exampleSite({ references: tagged }), request('rmm.install', { unmanagedMachine: true }));
    expect(d).toMatchObject({ outcome: 'escalate_partner', steps: [], notices: [] });
    expect(d.reasons[0]).toContain('rmmAgentOptIn is false');
  });
  it('(choice) with rmmAgentOptIn the opt-in is the pre-approval: category policy + fee notice', () => {
    const ask = evaluate(exampleSite({ rmmAgentOptIn: true }), request('rmm.install', { unmanagedMachine: true }));
    expect(ask.outcome).toBe('approval_required');
    expect(ask.notices).toEqual([{ kind: 'rmm_fee', text: RMM_FEE_TEXT }]);
    expect(RMM_FEE_TEXT).toContain('$100');
    const open = exampleSite({ rmmAgentOptIn: true, policies: { rmm_installation: { noApprovalNeeded: true } } });
    expect(evaluate(open, request('rmm.install', { unmanagedMachine: true }))).toMatchObject({
      outcome: 'proceed',
      notices: [{ kind: 'rmm_fee' }],
    });
  });
  it('(choice) a reference tagged rmm-preapproved pre-approves installs on managed machines', () => {
    const d = evaluate(exampleSite({ references: tagged }), request('rmm.install'));
    expect(d.outcome).toBe('approval_required');
    expect(d.reasons[0]).toContain('reference r9 is tagged rmm-preapproved');
    expect(d.notices).toEqual([]);
    const open = exampleSite({ references: tagged, policies: { rmm_installation: { noApprovalNeeded: true } } });
    expect(evaluate(open, request('rmm.install')).outcome).toBe('proceed');
  });
  it('without such a reference an install is tier4', () => {
    const d = evaluate(
      exampleSite({ policies: { rmm_installation: { noApprovalNeeded: true } } }),
      request('rmm.install'),
    );
    expect(d.outcome).toBe('tier4');
    expect(d.reasons[0]).toContain('no site reference is tagged rmm-preapproved');
  });
});

describe('rule 5: the other categories follow the site policy', () => {
  const ids = [
    'user.create_aduc',
    'user.terminate',
    'mail.create_shared_mailbox',
    'mail.delete',
    'permission.ntfs',
    'permission.mailbox',
  ];
  it.each(ids)('%s: noApprovalNeeded → proceed, otherwise approval_required', (id) => {
    const category = CATALOGUE.find((a) => a.id === id)!.category as 'new_user_account';
    const open = exampleSite({ policies: { [category]: { noApprovalNeeded: true } } });
    expect(evaluate(open, request(id))).toMatchObject({
      outcome: 'proceed',
      reasons: [`${category} policy: noApprovalNeeded is true`],
    });
    expect(evaluate(exampleSite(), request(id)).outcome).toBe('approval_required');
  });
  it('a missing policy means no approvers: escalate_partner', () => {
    const d = evaluate(exampleSite({ policies: { permission_change: undefined } }), request('permission.ntfs'));
    expect(d.outcome).toBe('escalate_partner');
    expect(d.reasons.join(' ')).toContain('permission_change policy: not set');
  });
  it('noApprovalNeeded with approvers set: the approvers are only used where a rule still demands approval', () => {
    const site = exampleSite({ policies: { password_reset: { noApprovalNeeded: true } } });
    expect(evaluate(site, request('password.reset')).steps).toEqual([]);
    expect(evaluate(site, request('password.reset', { subject: 'other' })).steps).not.toEqual([]);
  });
  it('target is ignored outside software installation', () => {
    expect(evaluate(exampleSite(), request('permission.ntfs', { target: 'server' })).outcome).toBe('approval_required');
  });
});
