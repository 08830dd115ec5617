import { useMemo } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import type { UserInfo } from '../../shared/api/auth.js';
import { hasPermission } from '../../shared/auth/permissions.js';
import { AccountSecurityPage } from '../features/account/AccountSecurityPage.js';
import { AdminPage } from '../features/admin/AdminPage.js';
import { ApprovalsPage } from '../features/audit/ApprovalsPage.js';
import { AuditPage } from '../features/audit/AuditPage.js';
import { ApprovalsHistoryPage } from '../features/approvals/ApprovalsHistoryPage.js';
import { ApprovalWizardPage } from '../features/approvals/ApprovalWizardPage.js';
import { CallLogPage } from '../features/calls/CallLogPage.js';
import { LookupPage } from '../features/lookup/LookupPage.js';
import { ReferencePage } from '../features/references/ReferencePage.js';
import { SiteListPage } from '../features/site/SiteListPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { SitePage } from '../features/site/SitePage.js';
import { AppShell } from './AppShell.js';

/**
 * Hash routes (the web bridge serves one file): `#/lookup?phone=…|email=…`, `#/sites`,
 * `#/sites/:siteId?tab=…&person=…&ref=…`, `#/references/:referenceId`, `#/account`, `#/settings`,
 * `#/audit` and `#/audit/approvals?<filter>&record=…` (roles with `audit.read`), `#/admin?tab=accounts|devices` (only routed for roles with
 * `admin.read`; others land on lookup).
 */
export function SignedInRouter({ user }: { user: UserInfo }) {
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <AppShell user={user} />,
          children: [
            { index: true, element: <LookupPage /> },
            { path: 'lookup', element: <LookupPage /> },
            { path: 'sites', element: <SiteListPage /> },
            { path: 'sites/:siteId', element: <SitePage /> },
            { path: 'references/:referenceId', element: <ReferencePage /> },
            { path: 'approvals', element: <ApprovalsHistoryPage /> },
            { path: 'approvals/new', element: <ApprovalWizardPage /> },
            { path: 'account', element: <AccountSecurityPage /> },
            { path: 'calls', element: <CallLogPage role={user.role} /> },
            { path: 'settings', element: <SettingsPage /> },
            ...(hasPermission(user.role, 'audit.read')
              ? [
                  { path: 'audit', element: <AuditPage /> },
                  { path: 'audit/approvals', element: <ApprovalsPage /> },
                ]
              : []),
            ...(hasPermission(user.role, 'admin.read')
              ? [{ path: 'admin', element: <AdminPage role={user.role} /> }]
              : []),
            { path: '*', element: <Navigate to="/" replace /> },
          ],
        },
      ]),
    [user],
  );
  return <RouterProvider router={router} />;
}
