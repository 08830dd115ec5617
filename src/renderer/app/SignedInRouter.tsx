import { useMemo } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import type { UserInfo } from '../../shared/api/auth.js';
import { ApprovalsHistoryPage } from '../features/approvals/ApprovalsHistoryPage.js';
import { ApprovalWizardPage } from '../features/approvals/ApprovalWizardPage.js';
import { LookupPage } from '../features/lookup/LookupPage.js';
import { AppShell } from './AppShell.js';

/** Hash routes (the web bridge serves one file): `#/lookup?phone=…|email=…`. */
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
            { path: 'approvals', element: <ApprovalsHistoryPage /> },
            { path: 'approvals/new', element: <ApprovalWizardPage /> },
            { path: '*', element: <Navigate to="/" replace /> },
          ],
        },
      ]),
    [user],
  );
  return <RouterProvider router={router} />;
}
