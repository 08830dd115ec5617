import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import Star from '@mui/icons-material/Star';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { siteRoute } from '../site/siteRoutes.js';
import { useFavourites } from './useFavourites.js';

/** Starred sites; each opens its site view. */
export function FavouritesList() {
  const { t } = useTranslation();
  const { directory } = useServices();
  useDirectoryVersion();
  const favourites = useFavourites();
  const rows = favourites.data ?? [];
  if (!favourites.isPending && rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
        {t('favourites.noFavourites')}
      </Typography>
    );
  }
  return (
    <List aria-label={t('favourites.title')} disablePadding>
      {rows.map((f) => {
        const site = directory.site(f.id);
        return (
          <ListItemButton key={f.id} component={RouterLink} to={siteRoute(f.id)} data-testid="favourite-item">
            <ListItemIcon sx={{ minWidth: 32 }}>
              <Star fontSize="small" sx={{ color: 'warning.main' }} />
            </ListItemIcon>
            <ListItemText
              primary={site?.name ?? f.id}
              secondary={site ? site.companyName : t('favourites.missingSite')}
              slotProps={{ primary: { noWrap: true, sx: { fontWeight: 600 } }, secondary: { noWrap: true } }}
            />
          </ListItemButton>
        );
      })}
    </List>
  );
}
