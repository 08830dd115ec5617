/** Test helpers for the approvals wizard page: a cached site, a fake IPC bridge, the page rendered at its route. */
import { expect, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Site } from '../../../shared/domain/index.js';
import type { CallsignApi } from '../../../shared/ipc/contract.js';
import { AppProviders } from '../../app/AppProviders.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { createQueryClient } from '../../app/queryClient.js';
import type { Services } from '../../app/services.js';
import { CallsignDb } from '../../db/CallsignDb.js';
import { ApprovalWizardPage } from './ApprovalWizardPage.js';
import { seedApprovalsCache } from './testFixtures.testkit.js';
import '../../testing/matchMediaStub.js';

let n = 0;
/** `ipc` answers extra IPC channels (e.g. `sms.send`); any other channel fails the test loudly. */
export async function renderWizardPage(
  siteOverrides: Partial<Site> = {},
  ipc: Record<string, (req: unknown) => unknown> = {},
) {
  const db = new CallsignDb(`wizard-${++n}`);
  await seedApprovalsCache(db, siteOverrides);
  const invoke = vi.fn(async (channel: string, req?: unknown) => {
    const handler = ipc[channel];
    if (handler) return handler(req);
    if (channel === 'session.status')
      return {
        signedIn: true,
        serverUrl: 'x',
        online: true,
        user: { id: 'u1', email: 't@x', name: 'Tess Tech', role: 'technician' },
      };
    if (channel === 'outbox.list') throw Object.assign(new Error('no'), { code: 'not_found', message: 'no' });
    throw new Error(`unexpected ${channel}`);
  });
  const services = { api: { invoke, on: () => () => {} } as unknown as CallsignApi, db } as unknown as Services;
  const router = createMemoryRouter([{ path: '/approvals/new', element: <ApprovalWizardPage /> }], {
    initialEntries: ['/approvals/new?siteId=site-nw&profileId=p-dana'],
  });
  render(
    <AppProviders i18n={createI18n()} queryClient={createQueryClient()} services={services}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { db, invoke };
}

/** Picks "Reset a user's password" by typing, answers whose account it is, and goes to the preview. */
export async function pickPasswordReset(subject: 'self' | 'other') {
  const search = await screen.findByTestId('action-search');
  fireEvent.change(search, { target: { value: 'forgot password' } });
  expect(screen.getAllByTestId('action-option')[0]?.textContent).toContain("Reset a user's password");
  fireEvent.keyDown(search, { key: 'Enter' });
  fireEvent.click(
    within(await screen.findByTestId('question-subject')).getByLabelText(
      subject === 'self' ? "The caller's own account" : "Another user's account",
    ),
  );
  fireEvent.click(screen.getByTestId('questions-next'));
}
