import { useTranslation } from 'react-i18next';
import LinearProgress from '@mui/material/LinearProgress';

/** While a screen's code loads (screens a technician does not need at start are chunks of their own). */
export function PageLoading() {
  const { t } = useTranslation();
  return <LinearProgress aria-label={t('app.loading')} data-testid="page-loading" />;
}
