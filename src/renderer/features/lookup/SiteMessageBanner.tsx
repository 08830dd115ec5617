import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

/** The site message: critical, never expires, a red banner above everything for that site. */
export function SiteMessageBanner({ message }: { message: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      variant="filled"
      data-testid="site-message"
      sx={{ borderRadius: 0, '& .MuiAlert-message': { whiteSpace: 'pre-line' } }}
    >
      <AlertTitle sx={{ mb: 0.25 }}>{t('site.siteMessage')}</AlertTitle>
      {message}
    </Alert>
  );
}
