import { useTranslation } from 'react-i18next';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import type { UserInfo } from '../../shared/api/auth.js';
import { PendingUploadsBadge } from '../features/approvals/PendingUploadsBadge.js';
import { LookupBox } from '../features/lookup/LookupBox.js';
import { UserMenu } from '../features/session/UserMenu.js';
import { SyncStatusBadge } from '../features/sync/SyncStatusBadge.js';
import { LanguageMenu } from './LanguageMenu.js';
import { ThemeToggle } from './ThemeToggle.js';

export function TopBar({ user }: { user: UserInfo }) {
  const { t } = useTranslation();
  return (
    <AppBar
      position="static"
      color="inherit"
      sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', color: 'text.primary' }}
    >
      {/* Three columns so the lookup box stays centred whatever the badge says. */}
      <Toolbar
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(160px, 1fr) minmax(280px, 640px) minmax(min-content, 1fr)',
          columnGap: 2,
          minHeight: 56,
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'primary.main' }}>
          <PhoneInTalkOutlined />
          <Typography variant="h3" component="span" sx={{ color: 'text.primary' }}>
            {t('app.name')}
          </Typography>
        </Stack>
        <Box sx={{ minWidth: 0 }}>
          <LookupBox />
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }}>
          <SyncStatusBadge />
          <PendingUploadsBadge />
          <ThemeToggle />
          <LanguageMenu />
          <UserMenu user={user} />
        </Stack>
      </Toolbar>
    </AppBar>
  );
}
