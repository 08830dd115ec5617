import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { formatPhone } from './formatPhone.js';
import { FactRow } from './FactRow.js';

/** Site basics: main numbers, email domain, RMM opt-in, time zone. */
export function SiteDetails({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75 }}>
      <FactRow label={t('site.mainNumbers')}>
        {site.mainPhones.length ? (
          site.mainPhones.map((n) => (
            <Typography key={n} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatPhone(n, site.country)}
            </Typography>
          ))
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('site.noMainNumbers')}
          </Typography>
        )}
      </FactRow>
      <FactRow label={t('site.emailDomain')}>
        <Typography variant="body2" color={site.emailDomain ? 'text.primary' : 'text.secondary'}>
          {site.emailDomain ?? t('site.noEmailDomain')}
        </Typography>
      </FactRow>
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
