import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FinalState } from '../../../shared/api/approvals.js';
import { uploadStatus } from '../../db/approvalOutbox.js';
import { FINAL_COLOR } from './outcomeColor.js';
import type { CallRunner } from './useCallRunner.js';
import { useApprovalRow } from './useApprovalRow.js';
import { useErrorText } from '../../app/useErrorText.js';

/** The end of the call: the final state in words, what to do now, and where the record is. */
export function FinalStatePanel({
  runner,
  status,
  recordId,
  onRestart,
}: {
  runner: CallRunner;
  status: FinalState;
  recordId: string;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const row = useApprovalRow(recordId);
  const needsConfirm = status === 'completed' && !row;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Chip
          color={FINAL_COLOR[status]}
          label={t(`approvals.final.${status}`)}
          data-testid="final-state"
          data-final-state={status}
          sx={{ fontWeight: 600, fontSize: '0.9375rem', height: 30 }}
        />
      </Stack>
      <Typography variant="body1">{t(`approvals.finalHelp.${status}`)}</Typography>
      {needsConfirm && (
        <Stack direction="row">
          <Button
            variant="contained"
            color="success"
            size="medium"
            autoFocus
            onClick={runner.complete}
            data-testid="complete"
          >
            {t('approvals.final.completeButton')}
          </Button>
        </Stack>
      )}
      {runner.escalation?.notified !== undefined && (
        <Alert severity="success" data-testid="escalation-notice">
          {t('approvals.escalate.notified', { count: runner.escalation.notified })}
        </Alert>
      )}
      {runner.escalation?.error && (
        <Alert severity="warning" data-testid="escalation-notice">
          {runner.escalation.error.code === 'server_unreachable'
            ? t('approvals.escalate.offline')
            : runner.escalation.error.code === 'not_found'
              ? t('approvals.escalate.pending')
              : t('approvals.escalate.failed', { message: errorText(runner.escalation.error) })}
        </Alert>
      )}
      {runner.saveError && (
        <Alert severity="error" data-testid="record-error">
          {t('approvals.record.saveFailed', { message: runner.saveError.message })}
        </Alert>
      )}
      {row && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid="record-saved"
          data-upload-state={uploadStatus(row)}
        >
          {t(`approvals.record.saved.${uploadStatus(row)}`, { message: row.lastError ?? '' })}
        </Typography>
      )}
      {!needsConfirm && (
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={onRestart} data-testid="approval-restart">
            {t('approvals.final.another')}
          </Button>
          <Button component={RouterLink} to="/approvals">
            {t('approvals.final.history')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
}
