import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { FavouritesList } from './FavouritesList.js';
import { RecentsList } from './RecentsList.js';

function Column({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper sx={{ flex: 1, minWidth: 0, overflow: 'hidden', textAlign: 'left' }}>
      <Typography
        variant="overline"
        component="h2"
        color="text.secondary"
        sx={{ display: 'block', px: 2, pt: 1, pb: 0.5, borderBottom: 1, borderColor: 'divider' }}
      >
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** The lookup page's empty state: favourite sites and recent lookups, side by side. */
export function FavouritesAndRecents() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', md: 'row' }, alignItems: 'flex-start' }}>
      <Column title={t('favourites.title')}>
        <FavouritesList />
      </Column>
      <Column title={t('favourites.recentTitle')}>
        <RecentsList />
      </Column>
    </Box>
  );
}
