import { Trans, useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import LinkOffOutlined from '@mui/icons-material/LinkOffOutlined';

const code = {
  fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  fontSize: '0.9em',
  px: 0.5,
  borderRadius: 0.5,
  bgcolor: 'action.hover',
};

/** Full-page message when the web bridge can't be reached or refused the launch token. */
export function BridgeUnavailable() {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2, bgcolor: 'background.default' }}>
      <Paper sx={{ p: 4, maxWidth: 480 }} role="alert" data-testid="bridge-unavailable">
        <LinkOffOutlined color="action" sx={{ fontSize: 36 }} />
        <Typography variant="h1" sx={{ mt: 1 }}>
          {t('app.bridgeUnavailableTitle')}
        </Typography>
        <Typography variant="body1" sx={{ mt: 1.5, fontWeight: 600 }}>
          <Trans i18nKey="app.bridgeUnavailable" components={{ code: <Box component="code" sx={code} /> }} />
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          <Trans i18nKey="app.bridgeUnavailableDetail" components={{ code: <Box component="code" sx={code} /> }} />
        </Typography>
      </Paper>
    </Box>
  );
}
