import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { Role } from '../../../shared/api/auth.js';
import { hasPermission } from '../../../shared/auth/permissions.js';
import { AccountsTab } from './AccountsTab.js';
import { AuditTab } from './AuditTab.js';
import { DevicesTab } from './DevicesTab.js';

const TABS = ['accounts', 'devices', 'audit'] as const;
type AdminTab = (typeof TABS)[number];

/** The tabs `role` sees: Audit only with `audit.read` (supervisors and administrators today). */
const tabsFor = (role: Role): AdminTab[] => TABS.filter((x) => x !== 'audit' || hasPermission(role, 'audit.read'));

/**
 * Route `#/admin?tab=accounts|devices|audit` for roles with `admin.read` (the router and the rail hide
 * it from others). Supervisors see the lists; actions need `accounts.manage`; the Audit tab needs
 * `audit.read`. The server enforces all three.
 */
export function AdminPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(role);
  const tab: AdminTab = tabs.find((x) => x === params.get('tab')) ?? 'accounts';
  const canManage = hasPermission(role, 'accounts.manage');
  return (
    <Stack spacing={2} sx={{ maxWidth: 1280, mx: 'auto' }} data-testid="admin-page">
      <Box>
        <Typography variant="h1">{t('admin.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('admin.subtitle')}
        </Typography>
      </Box>
      {!canManage && (
        <Alert severity="info" data-testid="admin-read-only">
          {t('admin.readOnly')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(_e, v: AdminTab) => setParams({ tab: v }, { replace: true })} aria-label={t('admin.tabsLabel')} sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}>
        {tabs.map((x) => (
          <Tab key={x} value={x} label={t(`admin.tabs.${x}`)} id={`admin-tab-${x}`} aria-controls={`admin-panel-${x}`} data-testid={`admin-tab-${x}`} sx={{ minHeight: 40 }} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'accounts' ? <AccountsTab canManage={canManage} /> : tab === 'devices' ? <DevicesTab canManage={canManage} /> : <AuditTab />}
      </Box>
    </Stack>
  );
}
