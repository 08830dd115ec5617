import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import type { SiteMessageMention } from '../../../shared/approvals/index.js';

interface Props {
  message: string;
  mention: SiteMessageMention;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * Before a request goes ahead at a site with a message (UX.md principle 9): the message quoted in
 * full, the sentences that name this request said first, and a checkbox the technician ticks to
 * confirm they read it. The caller of this component keeps the Start button disabled until then.
 */
export function SiteMessageConfirm({ message, mention, checked, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      variant="outlined"
      data-testid="site-message-confirm"
      data-names-action={mention.names ? 'true' : 'false'}
      sx={{ '& .MuiAlert-message': { width: '100%' } }}
    >
      <AlertTitle>
        {mention.names ? t('approvals.siteMessage.namesTitle') : t('approvals.siteMessage.readTitle')}
      </AlertTitle>
      {mention.names && (
        <Box component="p" sx={{ m: 0, mb: 1, fontWeight: 600 }} data-testid="site-message-named">
          {t('approvals.siteMessage.names', { sentences: mention.sentences.join(' ') })}
        </Box>
      )}
      <Box
        component="blockquote"
        sx={{ m: 0, pl: 1.5, borderLeft: 3, borderColor: 'error.main', whiteSpace: 'pre-line' }}
        data-testid="site-message-quote"
      >
        {message}
      </Box>
      <FormControlLabel
        sx={{ mt: 1 }}
        control={
          <Checkbox
            autoFocus
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
            slotProps={{ input: { 'data-testid': 'site-message-ack' } as object }}
          />
        }
        label={mention.names ? t('approvals.siteMessage.ackNamed') : t('approvals.siteMessage.ack')}
      />
    </Alert>
  );
}
