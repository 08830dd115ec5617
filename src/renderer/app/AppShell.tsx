import { Outlet } from 'react-router';
import Box from '@mui/material/Box';
import type { UserInfo } from '../../shared/api/auth.js';
import { LookupProvider } from '../features/lookup/LookupProvider.js';
import { DirectoryLoadNotice } from '../features/lookup/DirectoryLoadNotice.js';
import { useApprovalUploader } from '../features/approvals/useApprovalUploader.js';
import { useDirectorySync } from '../features/sync/useDirectorySync.js';
import { LeftRail } from './LeftRail.js';
import { TopBar } from './TopBar.js';
import { useDeepLinkLookup } from './useDeepLinkLookup.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { IdleWarningDialog } from '../features/session/IdleWarningDialog.js';
import { OfflineUnlockedNotice } from '../features/session/OfflineUnlockedNotice.js';
import { IncomingCallPopup } from '../features/calls/IncomingCallPopup.js';

/** The signed-in layout: top bar, left rail, the routed page. Starts the directory sync; signs out when idle. */
export function AppShell({ user }: { user: UserInfo }) {
  useDirectorySync();
  useApprovalUploader(user.id);
  useDeepLinkLookup();
  return (
    <LookupProvider>
      <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
        <TopBar user={user} />
        <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
          <LeftRail role={user.role} />
          <Box component="main" sx={{ flex: 1, overflow: 'auto', p: 3, pt: 4 }}>
            <OfflineUnlockedNotice />
            <DirectoryLoadNotice />
            <Outlet />
          </Box>
        </Box>
      </Box>
      <ShortcutsDialog />
      <IdleWarningDialog />
      <IncomingCallPopup />
    </LookupProvider>
  );
}
