import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { QueryRows } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { ShortDate } from '../account/RelativeTime.js';
import { AdminTable } from './AdminTable.js';
import { matchesFilter } from './matchesFilter.js';
import { adminQueries } from './queries.js';
import { ResetTotpAction } from './ResetTotpAction.js';
import { AccountRoleSelect, ResetPasswordAction } from '../directory/AccountRoleAndPassword.js';
import { DisableAccountAction } from '../directory/DisableAccountAction.js';
import { InviteAccount } from '../directory/InviteAccount.js';

/**
 * Every account: name (with a "Disabled" chip), email, role, TOTP on/off, active devices. With
 * `canManage`: add an account, change a role or disable it (never the last enabled administrator's),
 * enable it again, reset a password or TOTP.
 */
export function AccountsTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const users = useQuery(adminQueries.users(api));
  const [filter, setFilter] = useState('');
  const columns = [
    'name',
    'email',
    'role',
    'totp',
    'devices',
    'created',
    ...(canManage ? (['actions'] as const) : []),
  ] as const;
  const rows = (users.data ?? []).filter((u) => matchesFilter(filter, u.name, u.email, t(`user.role.${u.role}`)));
  // Disabled administrators do not count: they cannot sign in to administer anything.
  const lastAdmin = (users.data ?? []).filter((u) => u.role === 'admin' && !u.disabled).length <= 1;
  return (
    <Stack spacing={1.5}>
      {canManage && (
        <Stack direction="row">
          <InviteAccount />
        </Stack>
      )}
      <AdminTable
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('admin.filterAccounts')}
        filterTestId="accounts-filter"
        count={users.data ? t('admin.accounts.count', { count: rows.length }) : undefined}
        ariaLabel={t('admin.tabs.accounts')}
        testId="accounts-table"
        columns={columns.map((c) => ({
          key: c,
          label: t(`admin.accounts.col.${c}`),
          align: c === 'actions' || c === 'devices' ? 'right' : 'left',
        }))}
      >
        <QueryRows
          query={users}
          isEmpty={rows.length === 0}
          colSpan={columns.length}
          loading={t('admin.accounts.loading')}
          empty={filter ? t('admin.noMatch', { text: filter }) : t('admin.accounts.empty')}
          errorTestId="accounts-error"
        >
          {rows.map((u) => (
            <TableRow key={u.id} hover data-testid="account-row" data-email={u.email}>
              <TableCell sx={{ fontWeight: 600 }}>
                {u.name}
                {u.disabled && (
                  <Chip
                    size="small"
                    color="warning"
                    label={t('admin.accounts.disabled')}
                    data-testid="account-disabled"
                    sx={{ ml: 1 }}
                  />
                )}
              </TableCell>
              <TableCell>{u.email}</TableCell>
              <TableCell>
                {canManage ? (
                  <AccountRoleSelect account={u} lastAdmin={lastAdmin && !u.disabled} />
                ) : (
                  t(`user.role.${u.role}`)
                )}
              </TableCell>
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
                  <DisableAccountAction account={u} lastAdmin={lastAdmin} />
                  <ResetPasswordAction account={u} />
                  <ResetTotpAction account={u} />
                </TableCell>
              )}
            </TableRow>
          ))}
        </QueryRows>
      </AdminTable>
    </Stack>
  );
}
