import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { QueryRows } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { DeviceStatusChip } from '../account/DeviceStatusChip.js';
import { deviceQueries } from '../account/queries.js';
import { RelativeTime } from '../account/RelativeTime.js';
import { RevokeDeviceAction } from '../account/RevokeDeviceAction.js';
import { usePlatformLabel } from '../account/usePlatformLabel.js';
import { useNow } from '../sync/useNow.js';
import { AdminTable } from './AdminTable.js';
import { matchesFilter } from './matchesFilter.js';

/** Everyone's devices (most recently seen first, as the server sends them); Revoke when `canManage`. */
export function DevicesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const devices = useQuery(deviceQueries.list(api, 'all'));
  const now = useNow();
  const platform = usePlatformLabel();
  const [filter, setFilter] = useState('');
  const columns = [
    'user',
    'name',
    'platform',
    'lastSeen',
    'status',
    ...(canManage ? (['actions'] as const) : []),
  ] as const;
  const label = (c: (typeof columns)[number]) =>
    c === 'user' ? t('admin.devices.col.user') : t(`account.devices.col.${c}`);
  const rows = (devices.data ?? []).filter((d) => matchesFilter(filter, d.userEmail, d.name, platform(d.platform)));
  return (
    <AdminTable
      filter={filter}
      onFilter={setFilter}
      filterLabel={t('admin.filterDevices')}
      filterTestId="devices-filter"
      count={devices.data ? t('admin.devices.count', { count: rows.length }) : undefined}
      ariaLabel={t('admin.tabs.devices')}
      testId="admin-devices-table"
      columns={columns.map((c) => ({ key: c, label: label(c), align: c === 'actions' ? 'right' : 'left' }))}
    >
      <QueryRows
        query={devices}
        isEmpty={rows.length === 0}
        colSpan={columns.length}
        loading={t('admin.devices.loading')}
        empty={filter ? t('admin.noMatch', { text: filter }) : t('admin.devices.empty')}
        errorTestId="admin-devices-error"
      >
        {rows.map((d) => (
          <TableRow
            key={d.id}
            hover
            data-testid="admin-device-row"
            data-user={d.userEmail}
            data-revoked={Boolean(d.revokedAt)}
            sx={{ opacity: d.revokedAt ? 0.7 : 1 }}
          >
            <TableCell>{d.userEmail}</TableCell>
            <TableCell sx={{ fontWeight: 600 }}>{d.name}</TableCell>
            <TableCell>{platform(d.platform)}</TableCell>
            <TableCell>
              <RelativeTime iso={d.lastSeenAt} now={now} />
            </TableCell>
            <TableCell>
              <DeviceStatusChip device={d} />
            </TableCell>
            {canManage && (
              <TableCell align="right">
                <RevokeDeviceAction
                  device={d}
                  title={t('admin.devices.confirmTitle', { name: d.name, user: d.userEmail })}
                  body={t('admin.devices.confirmBody')}
                />
              </TableCell>
            )}
          </TableRow>
        ))}
      </QueryRows>
    </AdminTable>
  );
}
