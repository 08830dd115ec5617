import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { FavouriteToggle } from '../favourites/FavouriteToggle.js';
import { FreshnessNote } from './FreshnessNote.js';
import { GreetingLine } from './GreetingLine.js';

/** Site name, company, favourite star and freshness; then the greeting to read out. */
export function SiteHeader({ site }: { site: Site }) {
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', minWidth: 0 }}>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="h1" data-testid="site-view-name" sx={{ overflowWrap: 'anywhere' }}>
              {site.name}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="site-view-company">
              {site.companyName}
            </Typography>
          </Box>
          <FavouriteToggle siteId={site.id} />
        </Stack>
        <Box sx={{ pt: 0.5 }}>
          <FreshnessNote />
        </Box>
      </Stack>
      <Box sx={{ mt: 1.5 }}>
        <GreetingLine site={site} />
      </Box>
    </Box>
  );
}
