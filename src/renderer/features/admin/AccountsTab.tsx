import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { QueryRows, TABLE_ROWS as ROWS } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { ShortDate } from '../account/RelativeTime.js';
import { FilterField } from './FilterField.js';
import { matchesFilter } from './matchesFilter.js';
import { adminQueries } from './queries.js';
import { ResetTotpAction } from './ResetTotpAction.js';

/** Every account: name, email, role, TOTP on/off, active devices; Reset TOTP when `canManage`. */
export function AccountsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const users = useQuery(adminQueries.users(api));
  const [filter, setFilter] = useState('');
  const columns = ['name', 'email', 'role', 'totp', 'devices', 'created', ...(canManage ? (['actions'] as const) : [])] as const;
  const rows = (users.data ?? []).filter((u) => matchesFilter(filter, u.name, u.email, t(`user.role.${u.role}`)));
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <FilterField value={filter} onChange={setFilter} label={t('admin.filterAccounts')} testId="accounts-filter" />
        {users.data && (
          <Typography variant="body2" color="text.secondary">
            {t('admin.accounts.count', { count: rows.length })}
          </Typography>
        )}
      </Stack>
      <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 300px)' }}>
        <Table stickyHeader size="small" sx={ROWS} aria-label={t('admin.tabs.accounts')} data-testid="accounts-table">
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c} align={c === 'actions' ? 'right' : c === 'devices' ? 'right' : 'left'}>
                  {t(`admin.accounts.col.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            <QueryRows query={users} isEmpty={rows.length === 0} colSpan={columns.length} loading={t('admin.accounts.loading')} empty={filter ? t('admin.noMatch', { text: filter }) : t('admin.accounts.empty')} errorTestId="accounts-error">
              {rows.map((u) => (
                <TableRow key={u.id} hover data-testid="account-row" data-email={u.email}>
                  <TableCell sx={{ fontWeight: 600 }}>{u.name}</TableCell>
                  <TableCell>{u.email}</TableCell>
                  <TableCell>{t(`user.role.${u.role}`)}</TableCell>
                  <TableCell>
                    <Chip
                      variant={u.totpEnabled ? 'filled' : 'outlined'}
                      color={u.totpEnabled ? 'success' : 'default'}
                      label={u.totpEnabled ? t('admin.accounts.totpOn') : t('admin.accounts.totpOff')}
                      data-testid="account-totp"
                    />
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {u.activeDevices}
                  </TableCell>
                  <TableCell>
                    <ShortDate iso={u.createdAt} />
                  </TableCell>
                  {canManage && (
                    <TableCell align="right">
                      <ResetTotpAction account={u} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </QueryRows>
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
