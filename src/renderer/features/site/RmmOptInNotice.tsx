import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import InstallDesktopOutlined from '@mui/icons-material/InstallDesktopOutlined';
import ForwardToInboxOutlined from '@mui/icons-material/ForwardToInboxOutlined';

/** What to do when a caller's machine has no RMM agent: install (billed per install) or escalate. */
export function RmmOptInNotice({ optedIn }: { optedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="info"
      variant="outlined"
      icon={optedIn ? <InstallDesktopOutlined /> : <ForwardToInboxOutlined />}
      data-testid="rmm-opt-in"
      data-opted-in={optedIn ? 'true' : 'false'}
      sx={{ bgcolor: 'background.paper' }}
    >
      <AlertTitle>
        {t('siteView.rmmTitle')}: {t(optedIn ? 'siteView.rmmYes' : 'siteView.rmmNo')}
      </AlertTitle>
      {t(optedIn ? 'siteView.rmmOptedIn' : 'siteView.rmmNotOptedIn')}
    </Alert>
  );
}
