import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import { useServices } from '../../app/useServices.js';
import { FavouritesAndRecents } from '../favourites/FavouritesAndRecents.js';
import { useSyncProgress } from '../sync/useSyncProgress.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

/** Before the first lookup: what to type, how much of the directory is here, favourites and recents. */
export function LookupEmptyState() {
  const { t } = useTranslation();
  const { directory } = useServices();
  useDirectoryVersion();
  const sync = useSyncProgress();
  return (
    <>
      <Box sx={{ textAlign: 'center', pt: 6, pb: 4, px: 2, color: 'text.secondary', maxWidth: 560, mx: 'auto' }}>
        <PhoneInTalkOutlined sx={{ fontSize: 40, color: 'action.active' }} />
        <Typography variant="h2" sx={{ color: 'text.primary', mt: 1 }}>
          {t('lookup.emptyTitle')}
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('lookup.emptyBody')}
        </Typography>
        {directory.isLoaded && !(sync.running && sync.firstSync) && (
          <Typography variant="caption" sx={{ display: 'block', mt: 2 }}>
            {t('lookup.emptyCount', { count: directory.stats.profiles })}
          </Typography>
        )}
      </Box>
      <Box sx={{ maxWidth: 860, mx: 'auto' }}>
        <FavouritesAndRecents />
      </Box>
    </>
  );
}
