import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NextStep } from '../../../shared/approvals/index.js';
import { formatPhone } from '../lookup/formatPhone.js';
import { useNow } from '../sync/useNow.js';
import { CodeForm } from './CodeForm.js';
import { SendLimitNotice } from './SendLimitNotice.js';
import type { CallRunner } from './useCallRunner.js';

/** The approver answered and must read back the SMS code sent to them (3 tries). */
export function ApproverCodePanel({
  runner,
  step,
  note,
}: {
  runner: CallRunner;
  step: Extract<NextStep, { kind: 'check_approver_code' }>;
  note: string;
}) {
  const { t } = useTranslation();
  const limited = runner.sendWindow('approver', useNow(1000)).nextAt !== null;
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
        wrongCode={runner.wrongCode?.who === 'approver' ? runner.wrongCode.code : undefined}
        attemptsLeft={step.attemptsLeft}
        onCheck={(c) => void runner.checkCode('approver', c)}
      />
      <SendLimitNotice runner={runner} who="approver" name={step.approver} note={note} />
      <Stack direction="row">
        <Button
          variant="outlined"
          disabled={limited}
          onClick={runner.resendApproverCode}
          data-testid="approver-code-send"
        >
          {sent ? t('approvals.approverCode.resend') : t('approvals.approverCode.send')}
        </Button>
      </Stack>
    </Stack>
  );
}
