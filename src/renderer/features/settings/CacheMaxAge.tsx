import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import { useSyncMeta } from '../sync/useSyncMeta.js';

/**
 * How old the offline directory may get before Callsign calls it stale. The server sets it (each sync
 * page carries `maxAgeSeconds`), so it is shown, not edited; until the first sync it is unknown.
 */
export function CacheMaxAge() {
  const { t } = useTranslation();
  const seconds = useSyncMeta()?.maxAgeSeconds;
  const hours = seconds === undefined ? undefined : Math.max(1, Math.round(seconds / 3600));
  return (
    <TextField
      label={t('settings.cacheMaxAge.label')}
      value={
        hours === undefined ? t('settings.cacheMaxAge.unknown') : t('settings.cacheMaxAge.hours', { count: hours })
      }
      helperText={t('settings.cacheMaxAge.help')}
      slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'settings-cache-max-age' } }}
    />
  );
}
