// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ApprovalQueryInput } from '../../../shared/audit/approvalQuery.js';
import type { Handlers } from '../../../shared/ipc/contract.js';
import type { Services } from '../../app/services.js';
import { renderPage } from '../../testing/renderPage.js';
import { reviewDetail, reviewItem } from './approvalFixtures.testkit.js';
import { ApprovalsPage } from './ApprovalsPage.js';

afterEach(cleanup);

const ITEMS = [
  reviewItem(1, { flags: ['approver_not_listed'] }),
  reviewItem(2),
  reviewItem(3, { technician: { id: 'u2', name: 'Nia Noc' } }),
];
const SITES = [
  { id: 's1', name: 'Northwind HQ' },
  { id: 's2', name: 'Contoso Ltd' },
];
const directory = {
  allSites: () => SITES,
  site: (id: string) => SITES.find((s) => s.id === id),
  subscribe: () => () => {},
  getVersion: () => 1,
} as unknown as Services['directory'];

function setup(url = '/audit/approvals') {
  const queries: ApprovalQueryInput[] = [];
  const handlers: Partial<Handlers> = {
    'admin.users': async () => ({
      users: [
        {
          id: 'u1',
          email: 'tech@callsign.demo',
          name: 'Tess Tech',
          role: 'technician',
          createdAt: '2026-01-01T00:00:00.000Z',
          totpEnabled: false,
          activeDevices: 1,
        },
      ],
    }),
    'audit.approvals': async (q) => {
      queries.push(q);
      const items = ITEMS.filter(
        (i) =>
          (!q.siteId || i.site.id === q.siteId) &&
          (!q.technicianId || i.technician.id === q.technicianId) &&
          (!q.flagged || i.flags.length > 0),
      );
      return { items, nextCursor: null };
    },
    'audit.approval': async ({ id }) => reviewDetail(ITEMS.find((i) => i.id === id)!),
  };
  return { ...renderPage(<ApprovalsPage />, { url, handlers, services: { directory } }), queries };
}

describe('ApprovalsPage', () => {
  it('filters by site and technician chips, each change one server query with the filter', async () => {
    const { queries, router } = setup();
    await waitFor(() => expect(screen.getAllByTestId('approval-review-row')).toHaveLength(3));
    fireEvent.click(screen.getByTestId('filter-site'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Northwind HQ' }));
    await waitFor(() => expect(screen.getAllByTestId('approval-review-row')).toHaveLength(1));
    expect(screen.getByTestId('filter-site').textContent).toBe('Site: Northwind HQ');
    fireEvent.click(screen.getByTestId('filter-technician'));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Tess Tech' }));
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ siteId: 's1', technicianId: 'u1' }));
    expect(router.state.location.search).toBe('?siteId=s1&technicianId=u1');
    fireEvent.click(screen.getByTestId('filter-flagged'));
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ siteId: 's1', technicianId: 'u1', flagged: true }));
    fireEvent.click(screen.getByTestId('filter-clear'));
    await waitFor(() => expect(screen.getAllByTestId('approval-review-row')).toHaveLength(3));
  });

  it('opens a flagged record as a timeline with each flag explained, and links to its audit entries', async () => {
    setup();
    const rows = await screen.findAllByTestId('approval-review-row');
    fireEvent.click(rows[0]!);
    const drawer = await screen.findByTestId('timeline-content');
    const flag = within(drawer).getByTestId('timeline-flag');
    expect(flag.getAttribute('data-code')).toBe('approver_not_listed');
    expect(flag.textContent).toBe(
      'Bo Boss decided, but was not on the site’s approver list for New user account at the time.',
    );
    expect(
      within(drawer)
        .getAllByTestId('timeline-item')
        .map((e) => e.getAttribute('data-kind')),
    ).toEqual([
      'requested',
      'rules',
      'caller_code_sent',
      'caller_code_checked',
      'dialed',
      'decided',
      'finished',
      'uploaded',
    ]);
    expect(drawer.textContent).toContain('Called Bo Boss at +12065550101 — answered');
    expect(drawer.textContent).toContain('Note: ok by phone');
    expect(drawer.textContent).not.toMatch(/\b\d{6}\b/); // never an SMS code
    expect(within(drawer).getByTestId('timeline-audit-link').getAttribute('href')).toBe(
      `/audit?at=42&subject=${ITEMS[0]!.id}`,
    );
  });

  it('a link with a record opens its timeline; an empty filter result says how to see more', async () => {
    setup(`/audit/approvals?siteId=s9&record=${ITEMS[1]!.id}`);
    expect(await screen.findByTestId('approvals-empty')).toHaveProperty(
      'textContent',
      'No approval records match these filters. Remove a filter to see more.',
    );
    expect(await screen.findByTestId('timeline-no-flags')).toBeTruthy();
  });
});
