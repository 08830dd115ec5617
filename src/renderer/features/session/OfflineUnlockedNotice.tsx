import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { useSessionStatus } from './useSessionStatus.js';

/**
 * Opened by offline unlock (main's SessionService): the cache only, nothing reaches the server
 * until a normal sign-in, which Callsign asks for as soon as the server answers again.
 */
export function OfflineUnlockedNotice() {
  const { t } = useTranslation();
  const status = useSessionStatus().data;
  if (!status?.offlineUnlocked) return null;
  return (
    <Alert severity="warning" data-testid="offline-unlocked" sx={{ mb: 2 }}>
      {t('offlineUnlock.notice')}
    </Alert>
  );
}
