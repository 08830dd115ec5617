import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { FactRow } from './FactRow.js';
import { SiteContactFacts } from './SiteContactFacts.js';

/** Site basics: main numbers, email domain, RMM opt-in, time zone. */
export function SiteDetails({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75 }}
    >
      <SiteContactFacts site={site} />
      <FactRow label={t('site.rmm')}>
        <Typography variant="body2">{site.rmmAgentOptIn ? t('site.rmmYes') : t('site.rmmNo')}</Typography>
      </FactRow>
      <FactRow label={t('site.country')}>
        <Typography variant="body2">
          {site.country}
          {site.timeZone ? ` · ${site.timeZone}` : ''}
        </Typography>
      </FactRow>
    </Box>
  );
}
