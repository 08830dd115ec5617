import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useSyncProgress } from './useSyncProgress.js';

/** The first download of the directory: a determinate bar with counts (never a spinner alone). */
export function FirstSyncProgress() {
  const { t } = useTranslation();
  const p = useSyncProgress();
  if (!p.running || !p.firstSync) return null;
  const known = p.total > 0;
  const value = known ? Math.min(100, (p.written / p.total) * 100) : 0;
  const label = known ? t('sync.firstSync', { written: p.written, total: p.total }) : t('sync.firstSyncStarting');
  return (
    <Paper sx={{ p: 2, mb: 2 }} role="status" aria-live="polite">
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
        {label}
      </Typography>
      <LinearProgress variant="determinate" value={value} aria-label={label} data-testid="sync-progress" />
      <Box sx={{ mt: 1 }}>
        <Typography variant="caption" color="text.secondary">
          {t('sync.firstSyncHelp')}
        </Typography>
      </Box>
    </Paper>
  );
}
