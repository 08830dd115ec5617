import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PersonOutline from '@mui/icons-material/PersonOutlineOutlined';
import { fullName, type ClientProfile } from '../../../shared/domain/index.js';
import { formatPhone } from './formatPhone.js';

/** The matched person: name, title, email and every phone with its type and country. */
export function ProfileDetails({ profile, siteCountry }: { profile: ClientProfile; siteCountry: string }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.5 }}>
        <PersonOutline fontSize="small" color="action" />
        <Typography variant="h3" component="p" data-testid="profile-name">
          {fullName(profile)}
        </Typography>
        {profile.thinClient && <Chip variant="outlined" label={t('profile.thinClient')} />}
        {profile.psaContact && <Chip variant="outlined" label={t('profile.psaContact')} />}
      </Stack>
      {profile.title && (
        <Typography variant="body2" color="text.secondary">
          {profile.title}
        </Typography>
      )}
      <Typography variant="body2" color={profile.email ? 'text.primary' : 'text.secondary'} sx={{ mt: 0.5 }}>
        {profile.email ?? t('profile.noEmail')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 0.5 }}>
        {profile.phones.length === 0 && (
          <Typography component="li" variant="body2" color="text.secondary">
            {t('profile.noPhones')}
          </Typography>
        )}
        {profile.phones.map((p, i) => (
          <Typography
            component="li"
            variant="body2"
            key={`${p.number}-${i}`}
            sx={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {t('profile.phone', {
              number: formatPhone(p.number, p.country ?? siteCountry),
              type: t(`lookup.phoneType.${p.type}`),
              country: p.country ?? siteCountry,
            })}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
