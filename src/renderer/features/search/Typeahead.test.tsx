// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Site } from '../../../shared/domain/index.js';
import { renderRoutes } from '../../testing/renderSite.js';
import { LookupPage } from '../lookup/LookupPage.js';
import { SitePage } from '../site/SitePage.js';
import { ReferencePage } from '../references/ReferencePage.js';

const site = (id: string, name: string, extra: Partial<Site> = {}): Site => ({
  id,
  name,
  companyName: name.split(' — ')[0]!,
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
  country: 'US',
  ...extra,
});
const cache = {
  sites: [
    site('s-nw', 'Northwind Traders — Seattle', {
      mainPhones: ['+1 206 555 0100'],
      callerGreeting: 'Northwind IT',
      siteMessage: 'Email is down tonight.',
    }),
    site('s-fab', 'Fabrikam — Chicago'),
  ],
  profiles: [
    {
      id: 'p-dana',
      siteId: 's-nw',
      firstName: 'Dana',
      lastName: 'Reyes',
      email: 'dana.reyes@northwindtraders.com',
      phones: [{ number: '+1 206 555 0101', type: 'mobile' as const }],
      thinClient: false,
      psaContact: false,
    },
  ],
  references: [
    {
      id: 'r1',
      subject: 'Northwind VPN drops',
      tags: ['VPN'],
      allSites: false,
      siteIds: ['s-nw'],
      kind: 'known_error' as const,
      body: { summary: 'Idle timeout.', symptoms: [], steps: [] },
    },
  ],
};
const routes = [
  { path: 'lookup', element: <LookupPage /> },
  { path: 'sites/:siteId', element: <SitePage /> },
  { path: 'references/:referenceId', element: <ReferencePage /> },
];

afterEach(() => cleanup());

function type(text: string) {
  const box = screen.getByTestId('lookup-input');
  act(() => box.focus());
  fireEvent.change(box, { target: { value: text } });
  return box;
}

describe('Type-ahead', () => {
  it('shows sites, people and references for a name, filters by kind, and opens with the keyboard', async () => {
    const { router } = await renderRoutes(routes, '/lookup', cache);
    const box = type('northwind');
    await waitFor(() =>
      expect(screen.getAllByTestId('typeahead-option').map((o) => o.getAttribute('data-kind'))).toEqual(
        expect.arrayContaining(['site', 'reference']),
      ),
    );
    fireEvent.click(screen.getByTestId('typeahead-filter-references'));
    expect(screen.getAllByTestId('typeahead-option').map((o) => o.getAttribute('data-id'))).toEqual(['r1']);
    fireEvent.click(screen.getByTestId('typeahead-filter-sites'));
    expect(screen.getAllByTestId('typeahead-option').map((o) => o.getAttribute('data-id'))).toEqual(['s-nw']);
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sites/s-nw'));
    expect((box as HTMLInputElement).value).toBe('');
    expect(await screen.findByTestId('site-view-name')).toHaveProperty('textContent', 'Northwind Traders — Seattle');
  });

  it("tolerates a typo in a name and opens the person on their site's People tab", async () => {
    const { router } = await renderRoutes(routes, '/lookup', cache);
    const box = type('Dena Reyes');
    await waitFor(() => expect(screen.getAllByTestId('typeahead-option')[0]!.textContent).toContain('Dana Reyes'));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.search).toBe('?tab=people&person=p-dana'));
  });

  it('leaves complete phone numbers to the lookup, which sets the caller panel and a recent lookup', async () => {
    const { router, db } = await renderRoutes(routes, '/lookup', cache);
    type('+1 206 555 0101');
    expect(screen.queryByTestId('typeahead')).toBeNull();
    fireEvent.click(await screen.findByTestId('open-site'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sites/s-nw'));
    expect((await screen.findByTestId('caller-name')).textContent).toBe('Dana Reyes');
    expect(screen.getByTestId('caller-match').textContent).toContain('+1 206 555 0101');
    await waitFor(async () =>
      expect((await db.recents.toArray()).map((r) => [r.input, r.profileId])).toEqual([['+1 206 555 0101', 'p-dana']]),
    );
    // Favourite the site; it shows on the lookup page's empty state with the recent lookup.
    fireEvent.click(screen.getByTestId('favourite-toggle'));
    await waitFor(() => expect(screen.getByTestId('favourite-toggle').getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByTestId('site-tab-people'));
    expect(await screen.findByTestId('caller-panel')).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('lookup-input'), { key: 'Escape' });
    await act(() => router.navigate('/lookup'));
    expect((await screen.findByTestId('favourite-item')).textContent).toContain('Northwind Traders — Seattle');
    expect((await screen.findByTestId('recent-item')).textContent).toContain('+1 206 555 0101');
  });
});
