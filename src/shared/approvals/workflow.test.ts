import { describe, expect, it } from 'vitest';
import { apply, expectedEvents, isFinal, replay, start } from './workflow.js';
import type { Decision, DialStep } from './schemas.js';
import { WorkflowError, type WorkflowEvent } from './workflowTypes.js';

const lee: DialStep = {
  kind: 'dial',
  approver: 'Lee Chan',
  approverKind: 'client',
  number: '+12065550121',
  authenticate: true,
};
const lee2: DialStep = { ...lee, number: '+12065550122' };
const callerAuth = { kind: 'authenticate_caller' as const, profileId: 'p1', number: '+12065550101' };
const decision = (outcome: Decision['outcome'], steps: Decision['steps'] = []): Decision => ({
  outcome,
  reasons: [],
  steps,
  templates: {},
  notices: [],
});

const sent: WorkflowEvent = { type: 'callerCodeSent' };
const ok = (type: 'callerCodeChecked' | 'approverCodeChecked', pass = true): WorkflowEvent => ({ type, ok: pass });
const dial = (step: DialStep, result: 'answered' | 'no_answer' | 'busy' | 'wrong_number'): WorkflowEvent => ({
  type: 'dialed',
  approver: step.approver,
  number: step.number,
  result,
});
const decided = (d: 'approved' | 'denied'): WorkflowEvent => ({
  type: 'approverDecided',
  decision: d,
  note: 'ok by phone',
});

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e.code;
    throw e;
  }
  return 'no error';
};

describe('start', () => {
  it('proceed without caller auth is completed at once; with it, waits for the code', () => {
    expect(start(decision('proceed')).status).toBe('completed');
    expect(start(decision('proceed', [callerAuth])).status).toBe('authenticating_caller');
  });
  it('blocked is final; tier4 and escalate_partner wait for the escalation', () => {
    expect(isFinal(start(decision('blocked')))).toBe(true);
    expect(start(decision('tier4')).status).toBe('awaiting_escalation');
    expect(start(decision('escalate_partner')).status).toBe('awaiting_escalation');
  });
  it('rejects decisions the engine never makes', () => {
    expect(code(() => start(decision('approval_required')))).toBe('invalid_decision');
    expect(code(() => start(decision('approval_required', [lee, lee2, lee])))).toBe('invalid_decision');
  });
});

describe('apply', () => {
  it('proceed path → completed after the caller is authenticated', () => {
    expect(replay(decision('proceed', [callerAuth]), [sent, ok('callerCodeChecked')]).status).toBe('completed');
  });
  it('tier4 → escalated_tier4 and escalate_partner → escalated_partner via escalated', () => {
    expect(replay(decision('tier4'), [{ type: 'escalated', note: 'sent to T4' }]).status).toBe('escalated_tier4');
    expect(replay(decision('escalate_partner'), [{ type: 'escalated', note: '' }]).status).toBe('escalated_partner');
  });
  it('approval path: caller auth, dial, approver auth, decision', () => {
    const d = decision('approval_required', [callerAuth, lee, lee2]);
    const s = replay(d, [
      sent,
      ok('callerCodeChecked'),
      dial(lee, 'busy'),
      dial(lee2, 'answered'),
      ok('approverCodeChecked'),
      decided('approved'),
    ]);
    expect(s.status).toBe('approved');
    expect(s.history).toHaveLength(6);
    expect(
      replay(decision('approval_required', [{ ...lee, authenticate: false }]), [
        dial({ ...lee, authenticate: false }, 'answered'),
        decided('denied'),
      ]).status,
    ).toBe('denied');
  });
  it('all planned dials unanswered → waiting_for_approver; never a third dial', () => {
    const s = replay(decision('approval_required', [lee, lee2]), [dial(lee, 'no_answer'), dial(lee2, 'wrong_number')]);
    expect(s.status).toBe('waiting_for_approver');
    expect(code(() => apply(s, dial(lee, 'answered')))).toBe('already_final');
    expect(replay(decision('approval_required', [lee]), [dial(lee, 'busy')]).status).toBe('waiting_for_approver');
  });
  it('dials follow the plan in order', () => {
    const s = start(decision('approval_required', [lee, lee2]));
    expect(code(() => apply(s, dial(lee2, 'answered')))).toBe('unplanned_dial');
    expect(code(() => apply(s, { type: 'dialed', approver: 'Someone', number: lee.number, result: 'answered' }))).toBe(
      'unplanned_dial',
    );
  });
  it('(choice) three failed code checks → auth_failed, for the caller and for the approver', () => {
    const d = decision('approval_required', [callerAuth, lee]);
    const bad = ok('callerCodeChecked', false);
    expect(replay(d, [sent, bad, bad]).status).toBe('authenticating_caller');
    expect(replay(d, [sent, bad, sent, bad, bad]).status).toBe('auth_failed');
    expect(replay(d, [sent, bad, bad, ok('callerCodeChecked')]).status).toBe('calling');
    const badA = ok('approverCodeChecked', false);
    expect(replay(d, [sent, ok('callerCodeChecked'), dial(lee, 'answered'), badA, badA, badA]).status).toBe(
      'auth_failed',
    );
  });
  it('no step may be skipped', () => {
    const d = decision('approval_required', [callerAuth, lee]);
    const s0 = start(d);
    expect(code(() => apply(s0, dial(lee, 'answered')))).toBe('unexpected_event'); // caller not authenticated
    expect(code(() => apply(s0, ok('callerCodeChecked')))).toBe('code_not_sent');
    const calling = replay(d, [sent, ok('callerCodeChecked')]);
    expect(code(() => apply(calling, decided('approved')))).toBe('unexpected_event'); // approver not reached
    const reached = apply(calling, dial(lee, 'answered'));
    expect(code(() => apply(reached, decided('approved')))).toBe('unexpected_event'); // not authenticated
    expect(code(() => apply(reached, dial(lee, 'answered')))).toBe('unexpected_event');
    expect(code(() => apply(start(decision('approval_required', [lee])), { type: 'escalated', note: '' }))).toBe(
      'unexpected_event',
    );
  });
  it('cancelled ends any active state; final states absorb every event', () => {
    expect(apply(start(decision('tier4')), { type: 'cancelled', note: 'caller hung up' }).status).toBe('cancelled');
    const done = start(decision('proceed'));
    expect(code(() => apply(done, { type: 'cancelled', note: '' }))).toBe('already_final');
    expect(expectedEvents(done)).toEqual([]);
  });
  it('leaves the state passed in untouched', () => {
    const s = start(decision('approval_required', [lee]));
    const copy = structuredClone(s);
    apply(s, dial(lee, 'answered'));
    expect(s).toEqual(copy);
  });
});
