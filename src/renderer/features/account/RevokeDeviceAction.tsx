import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import type { DeviceInfo } from '../../../shared/auth/session.js';
import { ConfirmedAction } from '../../app/ConfirmDialog.js';
import { useRevokeDevice } from './mutations.js';

/**
 * "Revoke" with a confirm dialog. Not offered for this device: revoking it would wipe the cache
 * mid-session (the remote-wipe path is for devices revoked elsewhere) — signing out does the job.
 */
export function RevokeDeviceAction({ device, title, body }: { device: DeviceInfo; title: string; body: string }) {
  const { t } = useTranslation();
  const revoke = useRevokeDevice();
  if (device.revokedAt) return null;
  if (device.current) {
    return (
      <Tooltip title={t('account.devices.revokeThisDevice')}>
        {/* A disabled button gets no pointer events; the wrapper keeps the tooltip reachable. */}
        <Box component="span" tabIndex={0} sx={{ display: 'inline-block' }}>
          <Button color="error" disabled data-testid="device-revoke">
            {t('account.devices.revoke')}
          </Button>
        </Box>
      </Tooltip>
    );
  }
  return (
    <ConfirmedAction
      label={t('account.devices.revoke')}
      ariaLabel={`${t('account.devices.revoke')}: ${device.name}`}
      testId="device-revoke"
      mutation={revoke}
      variables={device.id}
      dialog={{ title, body, confirmLabel: t('account.devices.confirm'), testId: 'revoke-dialog' }}
    />
  );
}
