import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** The approver was reached: record their answer (A approve, D deny) with the note. */
export function ApproverDecisionPanel({
  approver,
  onDecide,
}: {
  approver: string;
  onDecide: (d: 'approved' | 'denied') => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Typography variant="h3" component="h2">
        {t('approvals.decide.title', { approver })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('approvals.decide.help')}
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button
          variant="contained"
          color="success"
          size="medium"
          autoFocus
          onClick={() => onDecide('approved')}
          data-testid="approve"
        >
          {t('approvals.decide.approve')}
        </Button>
        <Button variant="outlined" color="error" size="medium" onClick={() => onDecide('denied')} data-testid="deny">
          {t('approvals.decide.deny')}
        </Button>
      </Stack>
    </Stack>
  );
}
