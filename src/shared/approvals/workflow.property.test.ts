// Property tests of the §4 state machine: random event sequences against random decisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextStep } from './nextStep.js';
import type { Decision, DialStep } from './schemas.js';
import { apply, callerAuthRequired, expectedEvents, isFinal, plannedDials, start } from './workflow.js';
import {
  ACTIVE_STATUSES,
  FINAL_STATUSES,
  MAX_CODE_FAILURES,
  WorkflowError,
  type WorkflowEvent,
  type WorkflowState,
} from './workflowTypes.js';

const dialStep: fc.Arbitrary<DialStep> = fc.record({
  kind: fc.constant('dial' as const),
  approver: fc.constantFrom('Lee Chan', 'Front desk', 'Pat Partner'),
  approverKind: fc.constantFrom('client' as const, 'group' as const, 'partner' as const),
  number: fc.constantFrom('+12065550121', '+12065550122', '+12065550141'),
  authenticate: fc.boolean(),
});
const callerStep = fc.constant({ kind: 'authenticate_caller' as const, profileId: 'p1', number: '+12065550101' });
const decisionWith = (outcome: Decision['outcome'], steps: Decision['steps']): Decision => ({
  outcome,
  reasons: ['r'],
  steps,
  templates: {},
  notices: [],
});

/** Decisions of the shapes `evaluate` makes. */
const decision: fc.Arbitrary<Decision> = fc.oneof(
  fc
    .tuple(fc.option(callerStep, { nil: undefined }), fc.array(dialStep, { minLength: 1, maxLength: 2 }))
    .map(([c, dials]) => decisionWith('approval_required', [...(c ? [c] : []), ...dials])),
  fc.option(callerStep, { nil: undefined }).map((c) => decisionWith('proceed', c ? [c] : [])),
  fc.constantFrom('tier4', 'escalate_partner', 'blocked').map((o) => decisionWith(o as Decision['outcome'], [])),
);

/** Events, biased towards the planned dials so runs get deep into the call. */
const eventFor = (d: Decision): fc.Arbitrary<WorkflowEvent> => {
  const planned = plannedDials(d);
  const someDial = planned.length > 0 ? fc.oneof(fc.constantFrom(...planned), dialStep) : dialStep;
  return fc.oneof(
    fc.constant({ type: 'callerCodeSent' as const }),
    fc.boolean().map((ok) => ({ type: 'callerCodeChecked' as const, ok })),
    fc
      .tuple(someDial, fc.constantFrom('answered', 'no_answer', 'busy', 'wrong_number') as fc.Arbitrary<'answered'>)
      .map(([s, result]) => ({ type: 'dialed' as const, approver: s.approver, number: s.number, result })),
    fc.boolean().map((ok) => ({ type: 'approverCodeChecked' as const, ok })),
    fc
      .constantFrom('approved' as const, 'denied' as const)
      .map((decision) => ({ type: 'approverDecided' as const, decision, note: '' })),
    { arbitrary: fc.constant({ type: 'escalated' as const, note: '' }), weight: 1 },
    { arbitrary: fc.constant({ type: 'cancelled' as const, note: '' }), weight: 1 },
  );
};

const scenario = decision.chain((d) => fc.tuple(fc.constant(d), fc.array(eventFor(d), { maxLength: 25 })));

/** Everything that must hold in every reachable state. */
function checkInvariants(s: WorkflowState): void {
  const d = s.decision;
  const planned = plannedDials(d);
  const dials = s.history.filter((e) => e.type === 'dialed');
  expect([...ACTIVE_STATUSES, ...FINAL_STATUSES]).toContain(s.status);
  expect(dials.length).toBeLessThanOrEqual(planned.length);
  expect(dials.length).toBeLessThanOrEqual(2);
  expect(s.dialsMade).toBe(dials.length);
  expect(s.callerFailures).toBeLessThanOrEqual(MAX_CODE_FAILURES);
  expect(s.approverFailures).toBeLessThanOrEqual(MAX_CODE_FAILURES);
  const callerPassed = s.history.some((e) => e.type === 'callerCodeChecked' && e.ok);
  if (dials.length > 0 && callerAuthRequired(d)) expect(callerPassed).toBe(true);
  switch (s.status) {
    case 'completed':
      expect(d.outcome).toBe('proceed');
      expect(callerPassed || !callerAuthRequired(d)).toBe(true);
      break;
    case 'approved':
    case 'denied': {
      expect(d.outcome).toBe('approval_required');
      const answered = dials.findIndex((e) => e.result === 'answered');
      expect(answered).toBeGreaterThanOrEqual(0);
      if (s.reached?.authenticate) expect(s.history.some((e) => e.type === 'approverCodeChecked' && e.ok)).toBe(true);
      break;
    }
    case 'waiting_for_approver':
      expect(dials).toHaveLength(planned.length);
      expect(dials.every((e) => e.result !== 'answered')).toBe(true);
      break;
    case 'escalated_tier4':
      expect(d.outcome).toBe('tier4');
      break;
    case 'escalated_partner':
      expect(d.outcome).toBe('escalate_partner');
      break;
    case 'blocked':
      expect(d.outcome).toBe('blocked');
      break;
    case 'auth_failed':
      expect(Math.max(s.callerFailures, s.approverFailures)).toBe(MAX_CODE_FAILURES);
      break;
  }
  expect(nextStep(s).kind === 'done').toBe(isFinal(s));
}

describe('workflow properties', () => {
  it('random event sequences never reach an illegal state, and illegal events change nothing', () => {
    fc.assert(
      fc.property(scenario, ([d, events]) => {
        let s = start(d);
        checkInvariants(s);
        for (const event of events) {
          const before = s;
          const expected = expectedEvents(s).includes(event.type);
          try {
            s = apply(s, event);
            expect(expected).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(WorkflowError);
            expect(s).toBe(before);
            if (expected) expect((e as WorkflowError).code).toBe('unplanned_dial');
          }
          checkInvariants(s);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('final states absorb: every event on a final state throws already_final', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(
          fc.constantFrom<WorkflowEvent>(
            { type: 'cancelled', note: '' },
            { type: 'escalated', note: '' },
            { type: 'callerCodeSent' },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        ([d, events], more) => {
          let s = start(d);
          for (const event of events) {
            try {
              s = apply(s, event);
            } catch {
              /* illegal events are covered above */
            }
          }
          fc.pre(isFinal(s));
          for (const event of [...events, ...more]) {
            expect(() => apply(s, event)).toThrow(expect.objectContaining({ code: 'already_final' }));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a run that always picks the next planned, unanswered dial ends waiting_for_approver after at most two dials', () => {
    fc.assert(
      fc.property(decision, (d) => {
        fc.pre(d.outcome === 'approval_required');
        let s = start(d);
        if (callerAuthRequired(d))
          s = apply(apply(s, { type: 'callerCodeSent' }), { type: 'callerCodeChecked', ok: true });
        for (const step of plannedDials(d))
          s = apply(s, { type: 'dialed', approver: step.approver, number: step.number, result: 'no_answer' });
        expect(s.status).toBe('waiting_for_approver');
        expect(s.dialsMade).toBeLessThanOrEqual(2);
      }),
    );
  });
});
