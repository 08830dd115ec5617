import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useSessionStatus } from '../session/useSessionStatus.js';
import { ChangePasswordSection } from './ChangePasswordSection.js';
import { MyDevicesSection } from './MyDevicesSection.js';
import { TotpSection } from './TotpSection.js';

/** Route `#/account`: password, two-step sign-in and the person's own devices. Every role has it. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const status = useSessionStatus().data;
  return (
    <Stack spacing={2} sx={{ maxWidth: 1080, mx: 'auto' }} data-testid="account-page">
      <Box>
        <Typography variant="h1">{t('account.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {status?.user
            ? `${status.user.name} · ${status.user.email} · ${t(`user.role.${status.user.role}`)}`
            : t('account.subtitle')}
        </Typography>
      </Box>
      <ChangePasswordSection email={status?.user?.email ?? ''} />
      <TotpSection enabled={status?.totpEnabled === true} />
      <MyDevicesSection />
    </Stack>
  );
}
