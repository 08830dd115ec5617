import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import ListItemButton from '@mui/material/ListItemButton';
import Typography from '@mui/material/Typography';
import Star from '@mui/icons-material/Star';
import type { Site } from '../../../shared/domain/index.js';
import { formatPhone } from '../lookup/formatPhone.js';
import { siteRoute } from './siteRoutes.js';

export const SITE_ROW_HEIGHT = 52;
export const SITE_GRID = 'minmax(0, 2.2fr) 72px minmax(0, 1.2fr) minmax(0, 1.2fr)';

/** One site in the Sites list; opens the site view. */
export function SiteListRow({ site, favourite, top }: { site: Site; favourite: boolean; top: number }) {
  const { t } = useTranslation();
  const main = site.mainPhones[0];
  return (
    <ListItemButton
      component={RouterLink}
      to={siteRoute(site.id)}
      data-testid="site-list-row"
      sx={{
        position: 'absolute',
        top,
        left: 0,
        right: 0,
        height: SITE_ROW_HEIGHT,
        display: 'grid',
        gridTemplateColumns: SITE_GRID,
        columnGap: 2,
        alignItems: 'center',
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Box sx={{ minWidth: 0, display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box sx={{ width: 20, flexShrink: 0, display: 'flex' }}>
          {favourite && <Star fontSize="small" sx={{ color: 'warning.main' }} aria-label={t('sites.favourite')} />}
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
            {site.name}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="p">
            {site.companyName}
          </Typography>
        </Box>
      </Box>
      <Typography variant="body2">{site.country}</Typography>
      <Typography variant="body2" noWrap sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {main ? formatPhone(main, site.country) : ''}
      </Typography>
      <Typography variant="body2" noWrap color={site.emailDomain ? 'text.primary' : 'text.secondary'}>
        {site.emailDomain ?? t('site.noEmailDomain')}
      </Typography>
    </ListItemButton>
  );
}
