import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

/** Shown across the signed-in shell when the offline directory could not be read, or had damaged records. */
export function DirectoryLoadNotice() {
  const { t } = useTranslation();
  const { directory } = useServices();
  useDirectoryVersion();
  if (!directory.loadFailed) {
    const repaired = directory.cacheRepairs.length;
    if (!repaired) return null;
    return (
      <Alert severity="info" data-testid="directory-repaired" sx={{ mb: 2 }}>
        {t('lookup.directoryRepaired', { count: repaired })}
      </Alert>
    );
  }
  return (
    <Alert severity="error" role="alert" data-testid="directory-load-failed" sx={{ mb: 2 }}>
      {t('lookup.directoryLoadFailed')}
    </Alert>
  );
}
