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
import { DevicesTab } from './DevicesTab.js';
import { DirectoryTab } from '../directory/DirectoryTab.js';
import { ReferencesTab } from '../directory/ReferencesTab.js';

const TABS = ['accounts', 'devices', 'sites', 'references'] as const;
type AdminTab = (typeof TABS)[number];

/**
 * Route `#/admin?tab=accounts|devices|sites|references` for roles with `admin.read` (the router and
 * the rail hide it from others). Supervisors see the lists and forms read-only; changes need
 * `accounts.manage` / `directory.write`. The server enforces both. The audit trail has its own page (AuditPage, `#/audit`).
 */
export function AdminPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: AdminTab = TABS.find((x) => x === params.get('tab')) ?? 'accounts';
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
      <Tabs
        value={tab}
        onChange={(_e, v: AdminTab) => setParams({ tab: v }, { replace: true })}
        aria-label={t('admin.tabsLabel')}
        sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
      >
        {TABS.map((x) => (
          <Tab
            key={x}
            value={x}
            label={t(`admin.tabs.${x}`)}
            id={`admin-tab-${x}`}
            aria-controls={`admin-panel-${x}`}
            data-testid={`admin-tab-${x}`}
            sx={{ minHeight: 40 }}
          />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`admin-panel-${tab}`} aria-labelledby={`admin-tab-${tab}`}>
        {tab === 'accounts' && <AccountsTab canManage={canManage} />}
        {tab === 'devices' && <DevicesTab canManage={canManage} />}
        {tab === 'sites' && <DirectoryTab canWrite={hasPermission(role, 'directory.write')} />}
        {tab === 'references' && <ReferencesTab canWrite={hasPermission(role, 'directory.write')} />}
      </Box>
    </Stack>
  );
}
