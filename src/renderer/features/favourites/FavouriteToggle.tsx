import { useTranslation } from 'react-i18next';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Star from '@mui/icons-material/Star';
import StarBorder from '@mui/icons-material/StarBorder';
import { useToggleFavourite } from './mutations.js';
import { useFavourites } from './useFavourites.js';

/** The star next to a site's name: adds it to (or removes it from) the lookup page's Favourites. */
export function FavouriteToggle({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const favourites = useFavourites();
  const toggle = useToggleFavourite();
  const on = favourites.data?.some((f) => f.id === siteId) ?? false;
  const label = t(on ? 'favourites.remove' : 'favourites.add');
  return (
    <Tooltip title={label}>
      <IconButton
        aria-label={label}
        aria-pressed={on}
        data-testid="favourite-toggle"
        disabled={toggle.isPending}
        onClick={() => toggle.mutate({ id: siteId, kind: 'site' })}
        sx={{ color: on ? 'warning.main' : 'action.active' }}
      >
        {on ? <Star /> : <StarBorder />}
      </IconButton>
    </Tooltip>
  );
}
