import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';

/** `quiet`: before the saved language is known, only the bar shows (no flash of another language). */
export function Splash({ quiet = false }: { quiet?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Box sx={{ width: 240, textAlign: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1, visibility: quiet ? 'hidden' : 'visible' }}>
          {t('app.loading')}
        </Typography>
        <LinearProgress aria-label={t('app.loading')} />
      </Box>
    </Box>
  );
}
