import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { useFreshness } from './useFreshness.js';

/** "Synced 3 minutes ago", plus "Stale" in words when the cache is older than the server allows. */
export function FreshnessNote() {
  const { t } = useTranslation();
  const f = useFreshness();
  const text =
    f.kind === 'never'
      ? t('freshness.never')
      : f.kind === 'justNow'
        ? t('freshness.justNow')
        : t('freshness.synced', { ago: f.ago });
  const tip = f.stale ? t('freshness.staleTip', { hours: f.maxAgeHours ?? 0 }) : t('freshness.freshTip');
  return (
    <Tooltip title={tip}>
      <Stack
        direction="row"
        spacing={0.75}
        sx={{ alignItems: 'center', flexShrink: 0 }}
        data-testid="freshness"
        data-stale={f.stale ? 'true' : 'false'}
        tabIndex={0}
        aria-label={`${text}. ${tip}`}
      >
        <Typography variant="caption" color="text.secondary">
          {text}
        </Typography>
        {f.stale && (
          <Chip
            icon={<HistoryOutlined />}
            label={t('freshness.stale')}
            color="warning"
            variant="outlined"
            data-testid="freshness-stale"
          />
        )}
      </Stack>
    </Tooltip>
  );
}
