import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useServices } from '../../app/useServices.js';
import { approvalQueries } from './queries.js';

const SHOWN = 5;

/** The contract says one address; the demo server stores a list. Show either. */
function recipients(to: string | readonly string[]): string {
  return typeof to === 'string' ? to : to.join(', ');
}

/**
 * Demo workspace only: the last messages the server's demo SMS/email outbox received, so a tester
 * can read the code "sent to the caller's phone". Hidden whenever `outbox.list` fails (not a demo).
 */
export function DemoOutboxPanel() {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const outbox = useQuery(approvalQueries.demoOutbox(api));
  if (outbox.isError || !outbox.data) return null;
  const messages = [...outbox.data.messages].sort((a, b) => b.sentAt.localeCompare(a.sentAt)).slice(0, SHOWN);
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, borderStyle: 'dashed' }}
      data-testid="demo-outbox"
      component="aside"
      aria-label={t('approvals.outbox.title')}
    >
      <Typography variant="h3" component="h2">
        {t('approvals.outbox.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {t('approvals.outbox.help')}
      </Typography>
      {messages.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('approvals.outbox.empty')}
        </Typography>
      )}
      {messages.map((m) => (
        <Box key={m.id} data-testid="demo-outbox-message" sx={{ mt: 1, pt: 1, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="caption" color="text.secondary">
            {t('approvals.outbox.meta', {
              to: recipients(m.to),
              time: new Date(m.sentAt).toLocaleTimeString(i18n.language),
            })}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {m.subject ? `${m.subject} — ` : ''}
            {m.text}
          </Typography>
        </Box>
      ))}
    </Paper>
  );
}
