import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { DeviceInfo } from '../../../shared/auth/session.js';

/** Revoked (with the date) or Active, plus "This device" for the one making the request. */
export function DeviceStatusChip({ device }: { device: DeviceInfo }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      {device.revokedAt ? (
        <Chip
          variant="outlined"
          color="error"
          label={t('account.devices.revoked', {
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(Date.parse(device.revokedAt)),
          })}
          data-testid="device-revoked"
        />
      ) : (
        <Chip variant="outlined" color="success" label={t('account.devices.active')} />
      )}
      {device.current && <Chip color="primary" label={t('account.devices.thisDevice')} data-testid="this-device" />}
    </Stack>
  );
}
