import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NextStep } from '../../../shared/approvals/index.js';
import { formatPhone } from '../lookup/formatPhone.js';
import { CodeForm } from './CodeForm.js';
import type { CallRunner } from './useCallRunner.js';

/** The approver answered and must read back the SMS code sent to them (3 tries). */
export function ApproverCodePanel({
  runner,
  step,
}: {
  runner: CallRunner;
  step: Extract<NextStep, { kind: 'check_approver_code' }>;
}) {
  const { t } = useTranslation();
  const sent = runner.approverCode;
  return (
    <Stack spacing={2}>
      <Typography variant="h3" component="h2">
        {t('approvals.approverCode.title', { approver: step.approver })}
      </Typography>
      <Typography variant="body1" data-testid="approver-code-status">
        {sent
          ? t('approvals.approverCode.sent', { approver: step.approver, number: formatPhone(sent.sentTo) })
          : runner.busy
            ? t('approvals.approverCode.sending')
            : t('approvals.approverCode.notSent')}
      </Typography>
      <CodeForm
        testIdPrefix="approver-code"
        label={t('approvals.code.label')}
        busy={runner.busy}
        onCheck={(c) => void runner.checkCode('approver', c)}
      />
      <Typography variant="body2" color="text.secondary">
        {t('approvals.code.attemptsLeft', { count: step.attemptsLeft })}
      </Typography>
      <Stack direction="row">
        <Button variant="outlined" onClick={runner.resendApproverCode} data-testid="approver-code-send">
          {sent ? t('approvals.approverCode.resend') : t('approvals.approverCode.send')}
        </Button>
      </Stack>
    </Stack>
  );
}
