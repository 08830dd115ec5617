import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Phone } from '../../../shared/domain/index.js';
import { formatPhone } from '../lookup/formatPhone.js';

/** Every phone of a person: international number, type and country; then provider / SMS gateway. */
export function PersonPhones({ phones, siteCountry }: { phones: readonly Phone[]; siteCountry: string }) {
  const { t } = useTranslation();
  if (phones.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('people.noPhones')}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {phones.map((p, i) => {
        const country = p.country ?? siteCountry;
        const sms = p.provider
          ? p.smsGateway
            ? t('people.sms', { provider: p.provider, gateway: p.smsGateway })
            : t('people.smsNoGateway', { provider: p.provider })
          : p.smsGateway
            ? t('people.smsGatewayOnly', { gateway: p.smsGateway })
            : undefined;
        return (
          <Box component="li" key={`${p.number}-${i}`} sx={{ '& + &': { mt: 0.5 } }}>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {t('people.phoneLine', {
                number: formatPhone(p.number, country),
                type: t(`lookup.phoneType.${p.type}`),
                country,
              })}
            </Typography>
            {sms && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                {sms}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
