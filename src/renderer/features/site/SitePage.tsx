import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { SiteView } from './SiteView.js';

/** `#/sites/:siteId`: the site view, from the in-memory directory (works offline). */
export function SitePage() {
  const { t } = useTranslation();
  const { siteId = '' } = useParams();
  const { directory } = useServices();
  useDirectoryVersion();
  const site = directory.site(siteId);
  if (site) return <SiteView key={site.id} site={site} />;
  if (!directory.isLoaded) {
    return (
      <Box sx={{ maxWidth: 320, mx: 'auto', py: 8 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('lookup.indexing')}
        </Typography>
        <LinearProgress aria-label={t('lookup.indexing')} />
      </Box>
    );
  }
  return (
    <Box sx={{ maxWidth: 560, mx: 'auto', py: 8, textAlign: 'center' }} data-testid="site-not-found">
      <Typography variant="h2">{t('siteView.notFoundTitle')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('siteView.notFoundBody')}
      </Typography>
      <Button component={RouterLink} to="/sites" variant="outlined">
        {t('siteView.openSites')}
      </Button>
    </Box>
  );
}
