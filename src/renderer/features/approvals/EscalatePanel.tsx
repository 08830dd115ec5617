import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** tier4 / escalate_partner: the technician escalates the ticket (E); contacts are notified by the server. */
export function EscalatePanel({
  to,
  reasons,
  onEscalate,
}: {
  to: 'tier4' | 'partner';
  reasons: string[];
  onEscalate: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Typography variant="h3" component="h2">
        {t(`approvals.escalate.title.${to}`)}
      </Typography>
      <Typography variant="body2">{t(`approvals.escalate.help.${to}`)}</Typography>
      <Typography component="ul" variant="body2" color="text.secondary" sx={{ m: 0, pl: 2.5 }}>
        {reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </Typography>
      <Stack direction="row">
        <Button variant="contained" color="warning" size="medium" autoFocus onClick={onEscalate} data-testid="escalate">
          {t(`approvals.escalate.button.${to}`)}
        </Button>
      </Stack>
    </Stack>
  );
}
