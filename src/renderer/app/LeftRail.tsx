import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import AdminPanelSettingsOutlined from '@mui/icons-material/AdminPanelSettingsOutlined';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import ManageSearchOutlined from '@mui/icons-material/ManageSearchOutlined';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import Search from '@mui/icons-material/Search';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import type { Role } from '../../shared/api/auth.js';
import { hasPermission, type Permission } from '../../shared/auth/permissions.js';

/**
 * Feature navigation. Only features that exist (and the role may use) are listed; none are disabled.
 * An item with `permission` is hidden for roles without it (the shared table in permissions.ts).
 */
const ITEMS: ReadonlyArray<{
  to: string;
  key: string;
  icon: React.ReactElement;
  permission?: Permission;
  /** Active only on this exact path (`/audit` is not active on `/audit/approvals`). */
  end?: boolean;
}> = [
  { to: '/lookup', key: 'nav.lookup', icon: <Search fontSize="small" /> },
  { to: '/sites', key: 'sites.nav', icon: <ApartmentOutlined fontSize="small" /> },
  { to: '/approvals', key: 'approvals.nav', icon: <VerifiedUserOutlined fontSize="small" /> },
  { to: '/calls', key: 'calls.nav', icon: <PhoneInTalkOutlined fontSize="small" /> },
  {
    to: '/audit/approvals',
    key: 'audit.approvals.nav',
    icon: <ManageSearchOutlined fontSize="small" />,
    permission: 'audit.read',
  },
  { to: '/audit', key: 'audit.nav', icon: <FactCheckOutlined fontSize="small" />, permission: 'audit.read', end: true },
  { to: '/admin', key: 'admin.nav', icon: <AdminPanelSettingsOutlined fontSize="small" />, permission: 'admin.read' },
  { to: '/settings', key: 'settings.nav', icon: <SettingsOutlined fontSize="small" /> },
];

export function LeftRail({ role }: { role?: Role | undefined }) {
  const { t } = useTranslation();
  return (
    <Box
      component="nav"
      aria-label={t('nav.label')}
      sx={{
        width: 184,
        flexShrink: 0,
        borderRight: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        display: { xs: 'none', sm: 'block' },
      }}
    >
      <List sx={{ px: 1 }}>
        {ITEMS.filter((item) => !item.permission || (role !== undefined && hasPermission(role, item.permission))).map(
          (item) => (
            <ListItemButton
              key={item.to}
              component={NavLink}
              to={item.to}
              end={item.end === true}
              data-testid={`nav-${item.to.slice(1).replace('/', '-')}`}
              sx={{
                borderRadius: 1,
                '&.active': {
                  bgcolor: 'action.selected',
                  color: 'primary.main',
                  '& .MuiListItemIcon-root': { color: 'primary.main' },
                },
              }}
            >
              <ListItemIcon sx={{ minWidth: 32 }}>{item.icon}</ListItemIcon>
              <ListItemText primary={t(item.key)} />
            </ListItemButton>
          ),
        )}
      </List>
    </Box>
  );
}
