import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { fullName } from '../../../shared/domain/index.js';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { useLookup } from '../lookup/useLookup.js';
import { relativeTime } from '../sync/describeSyncStatus.js';
import { useNow } from '../sync/useNow.js';
import { useRecents } from './useRecents.js';

/** The last identifications, newest first; choosing one looks the caller up again. */
export function RecentsList() {
  const { t, i18n } = useTranslation();
  const { directory } = useServices();
  const { run } = useLookup();
  const now = useNow();
  useDirectoryVersion();
  const recents = useRecents();
  const rows = recents.data ?? [];
  if (!recents.isPending && rows.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1.5 }}>
        {t('favourites.noRecents')}
      </Typography>
    );
  }
  return (
    <List aria-label={t('favourites.recentTitle')} disablePadding>
      {rows.map((r) => {
        const site = r.siteId ? directory.site(r.siteId) : undefined;
        const person = r.profileId ? directory.profile(r.profileId) : undefined;
        const who =
          person && site ? t('favourites.recentPerson', { person: fullName(person), site: site.name }) : site?.name;
        const when = relativeTime(i18n.language, r.at, now) ?? t('favourites.justNow');
        return (
          <ListItemButton key={r.id} onClick={() => run(r.input)} data-testid="recent-item">
            <ListItemIcon sx={{ minWidth: 32 }}>
              <HistoryOutlined fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={r.input}
              secondary={who ? `${who} · ${when}` : when}
              slotProps={{
                primary: { noWrap: true, sx: { fontWeight: 600, fontVariantNumeric: 'tabular-nums' } },
                secondary: { noWrap: true },
              }}
            />
          </ListItemButton>
        );
      })}
    </List>
  );
}
