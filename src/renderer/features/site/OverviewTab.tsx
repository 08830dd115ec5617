import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { FactRow } from '../lookup/FactRow.js';
import { SiteContactFacts } from '../lookup/SiteContactFacts.js';
import { RmmOptInNotice } from './RmmOptInNotice.js';
import { SectionTitle } from './SectionTitle.js';

/** Basics (main numbers in international format, email domain, country, time zone) and the RMM opt-in. */
export function OverviewTab({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Paper sx={{ p: 2, flex: 3, minWidth: 0, width: '100%' }}>
        <SectionTitle>{t('siteView.basics')}</SectionTitle>
        <Box
          component="dl"
          sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1 }}
        >
          <FactRow label={t('siteView.company')}>
            <Typography variant="body2">{site.companyName}</Typography>
          </FactRow>
          <SiteContactFacts site={site} withCountry />
          <FactRow label={t('site.country')}>
            <Typography variant="body2">{site.country}</Typography>
          </FactRow>
          {site.timeZone && (
            <FactRow label={t('site.timeZone')}>
              <Typography variant="body2">{site.timeZone}</Typography>
            </FactRow>
          )}
        </Box>
      </Paper>
      <Box sx={{ flex: 2, minWidth: 0, width: '100%' }}>
        <RmmOptInNotice optedIn={site.rmmAgentOptIn} />
      </Box>
    </Stack>
  );
}
