import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NextStep } from '../../../shared/approvals/index.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { formatPhone } from '../lookup/formatPhone.js';
import { useNow } from '../sync/useNow.js';
import { CodeForm } from './CodeForm.js';
import { SendLimitNotice } from './SendLimitNotice.js';
import type { CallRunner } from './useCallRunner.js';

type Step = Extract<NextStep, { kind: 'send_caller_code' | 'check_caller_code' }>;

/** Caller authentication: send the SMS code, then check what the caller reads back (3 tries). */
export function CallerCodePanel({
  runner,
  step,
  callerName,
  note,
}: {
  runner: CallRunner;
  step: Step;
  callerName: string;
  note: string;
}) {
  const { t } = useTranslation();
  const sent = step.kind === 'check_caller_code';
  const offline = !sent && runner.error?.code === 'server_unreachable';
  const [confirmUnsent, setConfirmUnsent] = useState(false);
  const limited = runner.sendWindow('caller', useNow(1000)).nextAt !== null;
  const unsentNote = [t('approvals.callerCode.unsentNote'), note.trim()].filter(Boolean).join(' — ');
  return (
    <Stack spacing={2}>
      <Typography variant="h3" component="h2">
        {t('approvals.callerCode.title')}
      </Typography>
      <Typography variant="body1">
        {sent
          ? t('approvals.callerCode.sent', {
              name: callerName,
              number: formatPhone(runner.callerCode?.sentTo ?? step.number),
            })
          : t('approvals.callerCode.send', { name: callerName, number: formatPhone(step.number) })}
      </Typography>
      {sent && (
        <>
          <CodeForm
            testIdPrefix="caller-code"
            label={t('approvals.code.label')}
            busy={runner.busy}
            wrongCode={runner.wrongCode?.who === 'caller' ? runner.wrongCode.code : undefined}
            attemptsLeft={step.attemptsLeft}
            onCheck={(c) => void runner.checkCode('caller', c)}
          />
        </>
      )}
      <SendLimitNotice runner={runner} who="caller" name={callerName} note={note} />
      <Stack direction="row" spacing={1}>
        <Button
          variant={sent ? 'outlined' : 'contained'}
          autoFocus={!sent}
          disabled={limited}
          loading={runner.busy && !sent}
          onClick={() => void runner.sendCallerCode()}
          data-testid="caller-code-send"
        >
          {sent ? t('approvals.callerCode.resend') : t('approvals.callerCode.sendButton')}
        </Button>
      </Stack>
      {offline && (
        <Alert
          severity="warning"
          data-testid="caller-code-offline"
          action={
            <Button color="inherit" onClick={() => setConfirmUnsent(true)} data-testid="caller-code-unsent">
              {t('approvals.callerCode.recordUnsent')}
            </Button>
          }
        >
          {t('approvals.callerCode.offline')}
        </Alert>
      )}
      {/* Recording "code not sent" ends the request as Cancelled, so it asks first (UX.md principle 8). */}
      <ConfirmDialog
        open={offline && confirmUnsent}
        testId="caller-code-unsent-confirm"
        title={t('approvals.runner.cancelTitle')}
        body={t('approvals.runner.cancelBodyNote', { note: unsentNote })}
        confirmLabel={t('approvals.callerCode.recordUnsent')}
        dismissLabel={t('approvals.runner.keepOpen')}
        onConfirm={() => {
          setConfirmUnsent(false);
          runner.cancel(unsentNote);
        }}
        onClose={() => setConfirmUnsent(false)}
      />
    </Stack>
  );
}
