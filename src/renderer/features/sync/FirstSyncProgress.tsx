import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useSyncProgress } from './useSyncProgress.js';

/** Rounded up, so the last seconds never read "0 seconds left". */
function timeLeftKey(etaMs: number): { key: string; count: number } {
  const seconds = Math.max(1, Math.ceil(etaMs / 1000));
  return seconds < 90
    ? { key: 'sync.timeLeftSeconds', count: seconds }
    : { key: 'sync.timeLeftMinutes', count: Math.ceil(seconds / 60) };
}

/** The first download of the directory: a determinate bar with counts and time left (never a spinner alone). */
export function FirstSyncProgress() {
  const { t } = useTranslation();
  const p = useSyncProgress();
  if (!p.running || !p.firstSync) return null;
  const known = p.total > 0;
  const value = known ? Math.min(100, (p.written / p.total) * 100) : 0;
  const label = known ? t('sync.firstSync', { written: p.written, total: p.total }) : t('sync.firstSyncStarting');
  const left = known && p.etaMs !== undefined && p.written < p.total ? timeLeftKey(p.etaMs) : undefined;
  return (
    <Paper sx={{ p: 2, mb: 2 }} role="status" aria-live="polite">
      <Typography variant="body2" sx={{ fontWeight: 600, mb: 1 }}>
        {label}
        {left && (
          <Typography component="span" variant="body2" data-testid="sync-time-left">
            {' · '}
            {t(left.key, { count: left.count })}
          </Typography>
        )}
      </Typography>
      <LinearProgress variant="determinate" value={value} aria-label={label} data-testid="sync-progress" />
      <Box sx={{ mt: 1 }}>
        {p.waiting ? (
          <Typography variant="caption" color="warning.main" data-testid="sync-waiting" sx={{ display: 'block' }}>
            {t('sync.waitingForServer', { written: p.written })}
          </Typography>
        ) : (
          p.resumed && (
            <Typography variant="caption" data-testid="sync-resumed" sx={{ display: 'block' }}>
              {t('sync.resumed')}
            </Typography>
          )
        )}
        <Typography variant="caption" color="text.secondary">
          {t('sync.firstSyncHelp')}
        </Typography>
      </Box>
    </Paper>
  );
}
