import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import DevicesOutlined from '@mui/icons-material/DevicesOutlined';
import { QueryRows, TABLE_ROWS as ROWS } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { useNow } from '../sync/useNow.js';
import { DeviceStatusChip } from './DeviceStatusChip.js';
import { deviceQueries } from './queries.js';
import { RelativeTime, ShortDate } from './RelativeTime.js';
import { RevokeDeviceAction } from './RevokeDeviceAction.js';
import { usePlatformLabel } from './usePlatformLabel.js';

const COLUMNS = ['name', 'platform', 'lastSeen', 'created', 'status', 'actions'] as const;

/** The signed-in person's devices (`devices.list` scope own), with Revoke for the others. */
export function MyDevicesSection() {
  const { t } = useTranslation();
  const { api } = useServices();
  const devices = useQuery(deviceQueries.list(api, 'own'));
  const now = useNow();
  const platform = usePlatformLabel();
  return (
    <Paper component="section" aria-labelledby="devices-title" sx={{ overflow: 'hidden' }} data-testid="my-devices">
      <Box sx={{ p: 2.5, pb: 1.5 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <DevicesOutlined color="action" fontSize="small" />
          <Typography variant="h3" component="h2" id="devices-title">
            {t('account.devices.title')}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {t('account.devices.subtitle')}
        </Typography>
      </Box>
      <Table size="small" aria-labelledby="devices-title" sx={ROWS}>
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c} align={c === 'actions' ? 'right' : 'left'}>
                {t(`account.devices.col.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <QueryRows
            query={devices}
            isEmpty={devices.data?.length === 0}
            colSpan={COLUMNS.length}
            loading={t('account.devices.loading')}
            empty={t('account.devices.empty')}
            errorTestId="devices-error"
          >
            {(devices.data ?? []).map((d) => (
              <TableRow
                key={d.id}
                hover
                data-testid="device-row"
                data-current={d.current}
                data-revoked={Boolean(d.revokedAt)}
              >
                <TableCell sx={{ fontWeight: d.current ? 600 : undefined }}>{d.name}</TableCell>
                <TableCell>{platform(d.platform)}</TableCell>
                <TableCell>
                  <RelativeTime iso={d.lastSeenAt} now={now} />
                </TableCell>
                <TableCell>
                  <ShortDate iso={d.createdAt} />
                </TableCell>
                <TableCell>
                  <DeviceStatusChip device={d} />
                </TableCell>
                <TableCell align="right">
                  <RevokeDeviceAction
                    device={d}
                    title={t('account.devices.confirmTitle', { name: d.name })}
                    body={t('account.devices.confirmBody')}
                  />
                </TableCell>
              </TableRow>
            ))}
          </QueryRows>
        </TableBody>
      </Table>
    </Paper>
  );
}
