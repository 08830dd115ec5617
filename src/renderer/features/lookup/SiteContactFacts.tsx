import { useTranslation } from 'react-i18next';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { formatPhone } from './formatPhone.js';
import { FactRow } from './FactRow.js';

/**
 * The two facts that identify a site (main numbers, client email domain), shared by the lookup card
 * and the site view. `withCountry` adds the country code after each number (site view).
 */
export function SiteContactFacts({ site, withCountry = false }: { site: Site; withCountry?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <FactRow label={t('site.mainNumbers')}>
        {site.mainPhones.length ? (
          site.mainPhones.map((n) => (
            <Typography
              key={n}
              variant="body2"
              data-testid="site-main-number"
              sx={{ fontVariantNumeric: 'tabular-nums' }}
            >
              {withCountry
                ? t('siteView.mainNumber', { number: formatPhone(n, site.country), country: site.country })
                : formatPhone(n, site.country)}
            </Typography>
          ))
        ) : (
          <Typography variant="body2" color="text.secondary">
            {t('site.noMainNumbers')}
          </Typography>
        )}
      </FactRow>
      <FactRow label={t('site.emailDomain')}>
        <Typography
          variant="body2"
          color={site.emailDomain ? 'text.primary' : 'text.secondary'}
          data-testid="site-email-domain"
        >
          {site.emailDomain ?? t('site.noEmailDomain')}
        </Typography>
      </FactRow>
    </>
  );
}
