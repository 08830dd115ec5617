// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClientProfile, Reference, Site } from '../../../shared/domain/index.js';
import { renderRoutes, type CacheContents } from '../../testing/renderSite.js';
import { ReferencePage } from '../references/ReferencePage.js';
import { SitePage } from './SitePage.js';

const northwind: Site = {
  id: 'site-nw',
  name: 'Northwind Traders — Seattle',
  companyName: 'Northwind Traders',
  callerGreeting: 'Northwind IT Help Desk',
  mainPhones: ['(206) 555-0100'],
  emailDomain: 'northwindtraders.com',
  noClientEmailDomain: false,
  siteMessage: 'Email is down tonight 22:00–23:00 for maintenance.',
  rmmAgentOptIn: true,
  country: 'US',
  network: {
    domain: 'corp.northwindtraders.com',
    servers: [{ name: 'NW-DC01', role: 'Domain controller', address: '10.20.0.10' }],
    notes: 'Guest Wi-Fi at reception.',
  },
};
const bakery: Site = {
  id: 'site-bb',
  name: 'Bluebird Bakery',
  companyName: 'Bluebird Bakery',
  mainPhones: [],
  noClientEmailDomain: true,
  rmmAgentOptIn: false,
  country: 'AU',
};
const dana: ClientProfile = {
  id: 'p-dana',
  siteId: 'site-nw',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana.reyes@northwindtraders.com',
  thinClient: false,
  psaContact: true,
  phones: [{ number: '+1 206 555 0101', type: 'mobile', country: 'US', provider: 'AT&T', smsGateway: '@txt.att.com' }],
};
const lee: ClientProfile = {
  id: 'p-lee',
  siteId: 'site-nw',
  firstName: 'Lee',
  lastName: 'Adams',
  thinClient: true,
  psaContact: false,
  phones: [],
};
const ref = (id: string, subject: string, extra: Partial<Reference>): Reference => ({
  id,
  subject,
  tags: [],
  allSites: false,
  siteIds: ['site-nw'],
  kind: 'other',
  body: { summary: '', symptoms: [], steps: [] },
  ...extra,
});
const references = [
  ref('r-vpn', 'VPN disconnects every 30 minutes', {
    kind: 'known_error',
    tags: ['VPN'],
    body: {
      summary: 'Idle timeout on the firewall.',
      symptoms: ['VPN drops'],
      steps: ['Reconnect the VPN client.', 'Check the firewall idle timeout.'],
      durationMinutes: 15,
      escalation: { to: 'tier4', contact: 'Tier 4 on-call' },
    },
  }),
  ref('r-drive', 'Map the shared drive', { kind: 'how_to', tags: ['Network'] }),
  ref('r-all', 'Verify the caller before any security-related request', {
    allSites: true,
    siteIds: [],
    tags: ['Security-Related Requests'],
  }),
  ref('r-other-site', 'Point-of-sale terminal offline', { kind: 'known_error', siteIds: ['site-bb'] }),
];
const now = Date.now();
const cache: CacheContents = {
  sites: [northwind, bakery],
  profiles: [dana, lee],
  references,
  policies: [
    {
      siteId: 'site-nw',
      unlicensedSoftware: [
        { name: '7-Zip', action: 'install' },
        { name: 'Zoom', action: 'call_approver' },
        { name: 'BitTorrent', action: 'never' },
      ],
    },
  ],
  lastSyncAt: now - 3 * 60_000,
  maxAgeSeconds: 86_400,
};
const routes = [
  { path: 'sites/:siteId', element: <SitePage /> },
  { path: 'references/:referenceId', element: <ReferencePage /> },
];

afterEach(() => cleanup());

describe('Site view', () => {
  it('shows the site message first, the greeting, the RMM fee notice, numbers and freshness', async () => {
    await renderRoutes(routes, '/sites/site-nw', cache);
    const banner = await screen.findByTestId('site-message');
    expect(banner.textContent).toContain('Email is down tonight 22:00–23:00 for maintenance.');
    expect(banner.dataset.pinned).toBe('true'); // stays in view while the tabs scroll
    // The banner comes before the site's name in the page.
    expect(
      banner.compareDocumentPosition(screen.getByTestId('site-view-name')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('site-greeting').textContent).toBe(
        'Thank you for calling Northwind IT Help Desk, this is Tess. How can I help?',
      ),
    );
    expect(screen.getByTestId('rmm-opt-in').textContent).toContain(
      "costs $100 per install — pre-approved by this site's opt-in.",
    );
    expect(screen.getByTestId('site-main-number').textContent).toBe('+1 206 555 0100 · US');
    expect(screen.getByTestId('site-email-domain').textContent).toBe('northwindtraders.com');
    await waitFor(() => expect(screen.getByTestId('freshness').textContent).toBe('Synced 3 minutes ago'));
    expect(screen.queryByTestId('freshness-stale')).toBeNull();
  });

  it('says "No client email domain", "Not opted in" and "Stale" in words', async () => {
    await renderRoutes(routes, '/sites/site-bb', { ...cache, lastSyncAt: now - 3 * 86_400_000 });
    expect((await screen.findByTestId('site-email-domain')).textContent).toBe('No client email domain');
    expect(screen.getByTestId('rmm-opt-in').textContent).toContain(
      "Not opted in: escalate to the partner using the site's notification rules.",
    );
    expect(screen.queryByTestId('site-message')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('freshness-stale').textContent).toBe('Stale'));
  });

  it("lists the site's and all-site references, filters by kind and text, and shows the structured body", async () => {
    await renderRoutes(routes, '/sites/site-nw', cache);
    fireEvent.click(await screen.findByTestId('site-tab-references'));
    await waitFor(() => expect(screen.getAllByTestId('reference-item')).toHaveLength(3));
    const subjects = () => screen.getAllByTestId('reference-subject').map((e) => e.textContent);
    expect(subjects()).toEqual([
      'Map the shared drive',
      'VPN disconnects every 30 minutes',
      'Verify the caller before any security-related request',
    ]);
    fireEvent.click(screen.getByTestId('reference-filter-known_error'));
    expect(subjects()).toEqual(['VPN disconnects every 30 minutes']);
    fireEvent.click(screen.getByTestId('reference-filter-known_error'));
    fireEvent.change(screen.getByTestId('reference-filter'), { target: { value: 'security' } });
    expect(subjects()).toEqual(['Verify the caller before any security-related request']);
    fireEvent.change(screen.getByTestId('reference-filter'), { target: { value: 'firewall' } });
    const item = screen.getByTestId('reference-item');
    fireEvent.click(within(item).getByText('VPN disconnects every 30 minutes'));
    const body = await within(item).findByTestId('reference-body');
    expect(body.textContent).toContain('Reconnect the VPN client.');
    expect(within(body).getByTestId('reference-duration').textContent).toBe('15 minutes');
    expect(within(body).getByTestId('reference-escalation').textContent).toBe('Escalate to Tier 4 — Tier 4 on-call');
  });

  it('shows network info and the unlicensed software list with actions in words', async () => {
    await renderRoutes(routes, '/sites/site-nw?tab=network', cache);
    await waitFor(() => expect(screen.getAllByTestId('software-row')).toHaveLength(3));
    expect(
      (screen.getAllByTestId('software-row') as HTMLTableRowElement[]).map((r) => [
        r.cells[0]!.textContent,
        within(r).getByTestId('software-action').textContent,
      ]),
    ).toEqual([
      ['7-Zip', 'Install'],
      ['BitTorrent', 'Never'],
      ['Zoom', 'Call approver'],
    ]);
    expect(screen.getByTestId('network-domain').textContent).toBe('corp.northwindtraders.com');
    expect(screen.getByTestId('server-row').textContent).toContain('NW-DC01');
  });

  it('lists people with phones and highlights the one opened from the type-ahead', async () => {
    await renderRoutes(routes, '/sites/site-nw?tab=people&person=p-dana', cache);
    await waitFor(() => expect(screen.getAllByTestId('people-row')).toHaveLength(2));
    const rows = screen.getAllByTestId('people-row');
    expect(rows.map((r) => r.getAttribute('data-person-id'))).toEqual(['p-lee', 'p-dana']);
    expect(rows[1]!.getAttribute('aria-selected')).toBe('true');
    expect(rows[1]!.textContent).toContain('+1 206 555 0101 · mobile · US');
    expect(rows[1]!.textContent).toContain('AT&T · SMS @txt.att.com');
    fireEvent.change(screen.getByTestId('people-filter'), { target: { value: 'adams' } });
    expect(screen.getAllByTestId('people-row')).toHaveLength(1);
    expect(screen.getByTestId('people-count').textContent).toBe('1 of 2 people');
  });

  it('says so when the site is not in the offline directory', async () => {
    await renderRoutes(routes, '/sites/nope', cache);
    expect((await screen.findByTestId('site-not-found')).textContent).toContain('not in the offline directory');
  });
});
