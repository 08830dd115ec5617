import { describe, expect, it } from 'vitest';
import { nextStep } from './nextStep.js';
import type { Decision, DialStep } from './schemas.js';
import { apply, replay, start } from './workflow.js';

const lee: DialStep = {
  kind: 'dial',
  approver: 'Lee Chan',
  approverKind: 'client',
  number: '+12065550121',
  authenticate: true,
};
const d = (outcome: Decision['outcome'], steps: Decision['steps'] = []): Decision => ({
  outcome,
  reasons: [],
  steps,
  templates: {},
  notices: [],
});
const caller = { kind: 'authenticate_caller' as const, profileId: 'p1', number: '+12065550101' };

describe('nextStep', () => {
  it('walks the technician through the approval path', () => {
    const decision = d('approval_required', [caller, lee]);
    let s = start(decision);
    expect(nextStep(s)).toMatchObject({ kind: 'send_caller_code', number: '+12065550101' });
    s = apply(s, { type: 'callerCodeSent' });
    expect(nextStep(s)).toMatchObject({ kind: 'check_caller_code', attemptsLeft: 3 });
    s = apply(s, { type: 'callerCodeChecked', ok: false });
    expect(nextStep(s)).toMatchObject({ kind: 'check_caller_code', attemptsLeft: 2 });
    s = apply(s, { type: 'callerCodeChecked', ok: true });
    expect(nextStep(s)).toMatchObject({ kind: 'dial', dial: lee, attempt: 1, of: 1 });
    expect(nextStep(s).text).toContain('Call Lee Chan');
    s = apply(s, { type: 'dialed', approver: 'Lee Chan', number: lee.number, result: 'answered' });
    expect(nextStep(s)).toMatchObject({ kind: 'check_approver_code', approver: 'Lee Chan', attemptsLeft: 3 });
    s = apply(s, { type: 'approverCodeChecked', ok: true });
    expect(nextStep(s)).toMatchObject({ kind: 'ask_approver', approver: 'Lee Chan' });
    s = apply(s, { type: 'approverDecided', decision: 'approved', note: '' });
    expect(nextStep(s)).toMatchObject({ kind: 'done', status: 'approved' });
  });
  it('says where to escalate, and what a final state means', () => {
    expect(nextStep(start(d('tier4')))).toMatchObject({ kind: 'escalate', to: 'tier4' });
    expect(nextStep(start(d('escalate_partner')))).toMatchObject({ kind: 'escalate', to: 'partner' });
    expect(nextStep(start(d('blocked')))).toMatchObject({ kind: 'done', status: 'blocked' });
    const waiting = replay(d('approval_required', [lee]), [
      { type: 'dialed', approver: 'Lee Chan', number: lee.number, result: 'busy' },
    ]);
    expect(nextStep(waiting).text).toContain('waiting');
  });
});
