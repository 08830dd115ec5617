import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { expectedEvents, isFinal, nextStep, type WorkflowState } from '../../../shared/approvals/index.js';
import type { FinalState } from '../../../shared/api/approvals.js';
import { ApproverCodePanel } from './ApproverCodePanel.js';
import { ApproverDecisionPanel } from './ApproverDecisionPanel.js';
import { CallerCodePanel } from './CallerCodePanel.js';
import { DIAL_BUTTONS, DialPanel } from './DialPanel.js';
import { DialSteps } from './DialSteps.js';
import { EscalatePanel } from './EscalatePanel.js';
import { FinalStatePanel } from './FinalStatePanel.js';
import type { CallRunner as Runner } from './useCallRunner.js';
import { useRunnerHotkeys } from './useRunnerHotkeys.js';
import { useErrorText } from '../../app/useErrorText.js';

interface Props {
  runner: Runner;
  state: WorkflowState;
  recordId: string;
  callerName: string;
  /** The decision's reasons as sentences, for the escalation step. */
  why: string[];
  onRestart: () => void;
}

/**
 * Step 4: the call, driven by the workflow state machine. Only the events `expectedEvents` allows
 * are offered. Keys: 1–4 dial results, A approve, D deny, E escalate, C cancel (asks first). Esc
 * ends nothing: cancelling is the button (or C) and a confirmation, and the note typed so far goes
 * into the record.
 */
export function CallRunner({ runner, state, recordId, callerName, why, onRestart }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [note, setNote] = useState('');
  const [confirmCancel, setConfirmCancel] = useState(false);
  const step = nextStep(state);
  const allowed = expectedEvents(state);
  const canCancel = allowed.includes('cancelled');
  const askCancel = () => setConfirmCancel(true);
  const cancel = () => {
    setConfirmCancel(false);
    runner.cancel(note.trim());
  };
  const dialKeys =
    step.kind === 'dial'
      ? Object.fromEntries(DIAL_BUTTONS.map((b) => [b.key, () => runner.dial(step.dial, b.result)]))
      : {};
  useRunnerHotkeys(
    {
      ...dialKeys,
      a: step.kind === 'ask_approver' ? () => runner.decide('approved', note.trim()) : undefined,
      d: step.kind === 'ask_approver' ? () => runner.decide('denied', note.trim()) : undefined,
      e: step.kind === 'escalate' ? () => void runner.escalateTicket(note.trim()) : undefined,
      c: canCancel ? askCancel : undefined,
    },
    !confirmCancel,
  );
  const final = isFinal(state);
  return (
    <Stack spacing={2.5} data-testid="call-runner" data-status={state.status}>
      <DialSteps state={state} />
      {step.kind === 'send_caller_code' || step.kind === 'check_caller_code' ? (
        <CallerCodePanel runner={runner} step={step} callerName={callerName} note={note} />
      ) : step.kind === 'dial' ? (
        <DialPanel step={step} onResult={(r) => runner.dial(step.dial, r)} />
      ) : step.kind === 'check_approver_code' ? (
        <ApproverCodePanel runner={runner} step={step} note={note} />
      ) : step.kind === 'ask_approver' ? (
        <ApproverDecisionPanel approver={step.approver} onDecide={(d) => runner.decide(d, note.trim())} />
      ) : step.kind === 'escalate' ? (
        <EscalatePanel to={step.to} reasons={why} onEscalate={() => void runner.escalateTicket(note.trim())} />
      ) : (
        <FinalStatePanel runner={runner} status={step.status as FinalState} recordId={recordId} onRestart={onRestart} />
      )}
      {runner.error && !(runner.error.code === 'server_unreachable' && step.kind === 'send_caller_code') && (
        <Alert severity={runner.error.code === 'server_unreachable' ? 'warning' : 'error'} data-testid="runner-error">
          {runner.error.code === 'server_unreachable' ? t('approvals.runner.offline') : errorText(runner.error)}
        </Alert>
      )}
      {!final && (
        <>
          <Divider />
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'flex-start' } }}>
            <TextField
              label={t('approvals.runner.note')}
              helperText={t('approvals.runner.noteHelp')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              multiline
              maxRows={3}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'decision-note', maxLength: 500 } }}
            />
            {canCancel && (
              <Button
                color="error"
                onClick={askCancel}
                data-testid="cancel"
                title={t('approvals.runner.cancelShortcut')}
                sx={{ mt: 0.5 }}
              >
                {t('approvals.runner.cancel')}
              </Button>
            )}
          </Stack>
          <ConfirmDialog
            open={confirmCancel && canCancel}
            testId="cancel-confirm"
            title={t('approvals.runner.cancelTitle')}
            body={
              note.trim()
                ? t('approvals.runner.cancelBodyNote', { note: note.trim() })
                : t('approvals.runner.cancelBody')
            }
            confirmLabel={t('approvals.runner.cancelConfirm')}
            dismissLabel={t('approvals.runner.keepOpen')}
            onConfirm={cancel}
            onClose={() => setConfirmCancel(false)}
          />
        </>
      )}
    </Stack>
  );
}
