import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from './useDirectoryVersion.js';

/** After a restart, exact lookups answer before the type-ahead (names) index is built: say so meanwhile. */
export function NamesLoadingNotice() {
  const { t } = useTranslation();
  const { directory } = useServices();
  useDirectoryVersion();
  if (!directory.isLoaded || directory.typeaheadReady || directory.loadFailed) return null;
  return (
    <Alert severity="info" role="status" data-testid="names-loading" sx={{ mb: 2 }}>
      {t('lookup.namesLoading')}
    </Alert>
  );
}
