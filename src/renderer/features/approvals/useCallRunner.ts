/**
 * The call runner's state: the workflow state machine (shared/approvals/workflow.ts) plus the side
 * effects around it — SMS codes, the escalation notice and writing the record when the workflow
 * ends. Every event goes through `apply`, and the UI only offers `expectedEvents`, so an illegal
 * transition cannot happen. A finished workflow is written once (record id fixed per wizard);
 * `completed` is written when the technician confirms they are done.
 */
import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/api/errors.js';
import { SMS_SENDS_PER_PERSON, type SmsCodeSent } from '../../../shared/api/approvals.js';
import { apply, isFinal, start, type WorkflowEvent, type WorkflowState } from '../../../shared/approvals/index.js';
import type { ApprovalRequest, Decision, DialResult, DialStep } from '../../../shared/approvals/index.js';
import { toAppError } from '../../app/toAppError.js';
import { approverSmsRequest } from './approverSmsTarget.js';
import type { RecordCaller } from './buildApprovalRecord.js';
import { escalateAfterUpload } from './escalateAfterUpload.js';
import { smsSendWindow } from './smsSendWindow.js';
import type { WizardContext } from './loadWizardContext.js';
import { useCheckSmsCode, useEscalate, useSaveApprovalRecord, useSendSmsCode } from './mutations.js';

export interface CallRunnerInput {
  recordId: string;
  /** Null until an action is picked (nothing can be sent before then). */
  request: ApprovalRequest | null;
  context: WizardContext;
  caller: RecordCaller;
  technician: { id: string; name: string };
  ticket: string;
}

export interface EscalationNotice {
  notified?: number;
  error?: AppError;
}

type Who = 'caller' | 'approver';

type NewEvent = WorkflowEvent extends infer E ? (E extends WorkflowEvent ? Omit<E, 'at'> : never) : never;

export function useCallRunner(input: CallRunnerInput) {
  const [state, setState] = useState<WorkflowState | null>(null);
  const stateRef = useRef<WorkflowState | null>(null);
  const [callerCode, setCallerCode] = useState<SmsCodeSent | null>(null);
  const [approverCode, setApproverCode] = useState<SmsCodeSent | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [escalation, setEscalation] = useState<EscalationNotice | null>(null);
  /** The last code read back that was wrong, kept so the technician sees what was typed. */
  const [wrongCode, setWrongCode] = useState<{ who: Who; code: string } | null>(null);
  /** When codes went to each person, and until when the server refused more (429). */
  const [sentAt, setSentAt] = useState<Record<Who, number[]>>({ caller: [], approver: [] });
  const [refusedUntil, setRefusedUntil] = useState<Record<Who, number | null>>({ caller: null, approver: null });
  const send = useSendSmsCode();
  const check = useCheckSmsCode();
  const escalate = useEscalate();
  const save = useSaveApprovalRecord();
  const inputRef = useRef(input);
  inputRef.current = input;

  const persist = (final: WorkflowState) => {
    const i = inputRef.current;
    if (!i.request) return;
    save.mutate({
      id: i.recordId,
      request: i.request,
      state: final,
      caller: i.caller,
      technician: i.technician,
      ticket: i.ticket,
      createdAt: new Date().toISOString(),
    });
  };

  const commit = (next: WorkflowState) => {
    stateRef.current = next;
    setState(next);
    if (isFinal(next) && next.status !== 'completed') persist(next);
  };

  const dispatch = (event: NewEvent): WorkflowState | null => {
    const current = stateRef.current;
    if (!current) return null;
    try {
      const next = apply(current, { ...event, at: new Date().toISOString() } as WorkflowEvent);
      commit(next);
      return next;
    } catch (err) {
      setError(toAppError(err));
      return null;
    }
  };

  const noteSent = (who: Who) => {
    setWrongCode(null);
    setSentAt((s) => ({ ...s, [who]: [...s[who], Date.now()] }));
  };
  const sendFailed = (who: Who, err: unknown) => {
    const e = toAppError(err);
    // The server counts codes from every technician; without its Retry-After here, wait a full window.
    if (e.code === 'rate_limited')
      setRefusedUntil((r) => ({ ...r, [who]: Date.now() + SMS_SENDS_PER_PERSON.windowMs }));
    setError(e);
  };

  const sendApproverCode = async (dial: DialStep) => {
    setError(null);
    if (smsSendWindow(sentAt.approver, Date.now(), refusedUntil.approver).nextAt !== null) return;
    try {
      const action = inputRef.current.request?.action ?? '';
      setApproverCode(await send.mutateAsync(approverSmsRequest(inputRef.current.context.rules, action, dial)));
      noteSent('approver');
    } catch (err) {
      sendFailed('approver', err);
    }
  };

  return {
    state,
    callerCode,
    approverCode,
    error,
    escalation,
    saved: save.isSuccess,
    saveError: save.error,
    busy: send.isPending || check.isPending,
    wrongCode,
    /** When the next code to this person may go (null: now). */
    sendWindow: (who: Who, now: number) => smsSendWindow(sentAt[who], now, refusedUntil[who]),
    begin(decision: Decision) {
      setError(null);
      commit(start(decision));
    },
    async sendCallerCode() {
      setError(null);
      const step = stateRef.current?.decision.steps.find((s) => s.kind === 'authenticate_caller');
      if (!step || step.kind !== 'authenticate_caller') return;
      if (smsSendWindow(sentAt.caller, Date.now(), refusedUntil.caller).nextAt !== null) return;
      try {
        const sent = await send.mutateAsync({
          siteId: inputRef.current.context.site.id,
          purpose: 'caller',
          profileId: step.profileId,
        });
        setCallerCode(sent);
        noteSent('caller');
        dispatch({ type: 'callerCodeSent' });
      } catch (err) {
        sendFailed('caller', err);
      }
    },
    async checkCode(who: 'caller' | 'approver', code: string) {
      const sent = who === 'caller' ? callerCode : approverCode;
      if (!sent) return;
      setError(null);
      try {
        const { ok } = await check.mutateAsync({ codeId: sent.codeId, code });
        setWrongCode(ok ? null : { who, code });
        dispatch(who === 'caller' ? { type: 'callerCodeChecked', ok } : { type: 'approverCodeChecked', ok });
      } catch (err) {
        setError(toAppError(err));
      }
    },
    dial(dialStep: DialStep, result: DialResult) {
      setError(null);
      const next = dispatch({ type: 'dialed', approver: dialStep.approver, number: dialStep.number, result });
      if (next?.status === 'authenticating_approver' && next.reached) void sendApproverCode(next.reached);
    },
    resendApproverCode() {
      const reached = stateRef.current?.reached;
      if (reached) void sendApproverCode(reached);
    },
    decide(decision: 'approved' | 'denied', note: string) {
      dispatch({ type: 'approverDecided', decision, note });
    },
    async escalateTicket(note: string) {
      const current = stateRef.current;
      const next = dispatch({ type: 'escalated', note });
      const i = inputRef.current;
      if (!next || !current || !i.request) return;
      try {
        // The record (written by the dispatch above) goes to the server through the uploader; the
        // server emails the contacts from the stored record, so only its id is sent.
        const r = await escalateAfterUpload(() => escalate.mutateAsync({ recordId: i.recordId }));
        setEscalation({ notified: r.notified });
      } catch (err) {
        setEscalation({ error: toAppError(err) });
      }
    },
    cancel(note: string) {
      dispatch({ type: 'cancelled', note });
    },
    /** The proceed path is done: write the `completed` record. */
    complete() {
      const current = stateRef.current;
      if (current?.status === 'completed') persist(current);
    },
  };
}

export type CallRunner = ReturnType<typeof useCallRunner>;
