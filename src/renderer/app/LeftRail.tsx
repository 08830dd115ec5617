import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Search from '@mui/icons-material/Search';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';

/** Feature navigation. Only features that exist (and the role may use) are listed; none are disabled. */
const ITEMS = [
  { to: '/lookup', key: 'nav.lookup', icon: <Search fontSize="small" /> },
  { to: '/approvals', key: 'approvals.nav', icon: <VerifiedUserOutlined fontSize="small" /> },
] as const;

export function LeftRail() {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={t('nav.label')} sx={{ width: 184, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', display: { xs: 'none', sm: 'block' } }}>
      <List sx={{ px: 1 }}>
        {ITEMS.map((item) => (
          <ListItemButton
            key={item.to}
            component={NavLink}
            to={item.to}
            sx={{ borderRadius: 1, '&.active': { bgcolor: 'action.selected', color: 'primary.main', '& .MuiListItemIcon-root': { color: 'primary.main' } } }}
          >
            <ListItemIcon sx={{ minWidth: 32 }}>{item.icon}</ListItemIcon>
            <ListItemText primary={t(item.key)} />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
