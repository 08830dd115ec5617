import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import type { UserInfo } from '../../shared/api/auth.js';
import { hasPermission } from '../../shared/auth/permissions.js';
import { LookupPage } from '../features/lookup/LookupPage.js';
import { ReferencePage } from '../features/references/ReferencePage.js';
import { SiteListPage } from '../features/site/SiteListPage.js';
import { SitePage } from '../features/site/SitePage.js';
import { AppShell } from './AppShell.js';
import { PageLoading } from './PageLoading.js';

// Screens a technician does not need when the phone rings are chunks of their own (admin forms with
// exceljs, audit, approvals, account, settings): the start evaluates less code (issue 12).
const AccountSecurityPage = lazy(() =>
  import('../features/account/AccountSecurityPage.js').then((m) => ({ default: m.AccountSecurityPage })),
);
const AdminPage = lazy(() => import('../features/admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));
const ApprovalsPage = lazy(() =>
  import('../features/audit/ApprovalsPage.js').then((m) => ({ default: m.ApprovalsPage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const ApprovalsHistoryPage = lazy(() =>
  import('../features/approvals/ApprovalsHistoryPage.js').then((m) => ({ default: m.ApprovalsHistoryPage })),
);
const ApprovalWizardPage = lazy(() =>
  import('../features/approvals/ApprovalWizardPage.js').then((m) => ({ default: m.ApprovalWizardPage })),
);
const CallLogPage = lazy(() => import('../features/calls/CallLogPage.js').then((m) => ({ default: m.CallLogPage })));
const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })),
);

const later = (page: ReactNode) => <Suspense fallback={<PageLoading />}>{page}</Suspense>;

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
            { path: 'approvals', element: later(<ApprovalsHistoryPage />) },
            { path: 'approvals/new', element: later(<ApprovalWizardPage />) },
            { path: 'account', element: later(<AccountSecurityPage />) },
            { path: 'calls', element: later(<CallLogPage role={user.role} />) },
            { path: 'settings', element: later(<SettingsPage />) },
            ...(hasPermission(user.role, 'audit.read')
              ? [
                  { path: 'audit', element: later(<AuditPage />) },
                  { path: 'audit/approvals', element: later(<ApprovalsPage />) },
                ]
              : []),
            ...(hasPermission(user.role, 'admin.read')
              ? [{ path: 'admin', element: later(<AdminPage role={user.role} />) }]
              : []),
            { path: '*', element: <Navigate to="/" replace /> },
          ],
        },
      ]),
    [user],
  );
  return <RouterProvider router={router} />;
}
