// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import { renderRoutes, type RenderOptions } from '../../testing/renderSite.js';
import { SitePage } from '../site/SitePage.js';

const SECRET = 'Kq7vT2mXp9Lw';
const site = (id: string, name: string, phone: string): Site => ({
  id,
  name,
  companyName: name,
  mainPhones: [phone],
  noClientEmailDomain: true,
  rmmAgentOptIn: false,
  country: 'US',
});
const sites = [
  site('site-nw', 'Northwind Traders', '+1 206 555 0100'),
  site('site-bb', 'Bluebird Bakery', '+1 503 555 0100'),
];
const lou: ClientProfile = {
  id: 'p-lou',
  siteId: 'site-bb',
  firstName: 'Lou',
  lastName: 'Baker',
  thinClient: false,
  psaContact: false,
  phones: [{ number: '+1 503 555 0199', type: 'mobile', country: 'US' }],
};
const cred = (id: string, extra: Partial<CredentialMeta> = {}): CredentialMeta => ({
  id,
  siteId: 'site-nw',
  name: `Account ${id}`,
  category: 'server',
  accountType: 'domain',
  domain: 'corp.northwind.test',
  username: `svc-${id}`,
  description: '',
  remarks: '',
  kind: 'dynamic',
  resources: ['NW-FS01'],
  backOfficeAccess: true,
  driver: 'simulated-agent',
  lease: null,
  rotation: { state: 'ok', at: null },
  ...extra,
});
const credentials = [
  cred('free'),
  cred('held', {
    lease: { heldBy: 'Nia Noc', heldById: 'u9', until: new Date(Date.now() + 3600_000).toISOString() },
  }),
  cred('broken', { rotation: { state: 'failed', at: null, reason: 'Directory unreachable' }, driver: 'ldap' }),
  cred('hidden', { backOfficeAccess: false }),
];

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(opts: RenderOptions = {}, url = '/sites/site-nw?tab=credentials', expiresInMs = 180_000) {
  const calls: Array<[string, unknown]> = [];
  const invoke = (channel: string, payload: unknown) => {
    calls.push([channel, payload]);
    const custom = opts.invoke?.(channel, payload);
    if (custom) return custom;
    if (channel === 'credentials.list') return Promise.reject({ code: 'server_unreachable', message: 'offline' });
    if (channel === 'credentials.checkout')
      return Promise.resolve({
        leaseId: 'lease-1',
        credentialId: 'free',
        username: 'svc-free',
        domain: 'corp.northwind.test',
        kind: 'dynamic',
        expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
      });
    if (channel === 'credentials.reveal') return Promise.resolve({ secret: SECRET });
    if (channel === 'credentials.readBack')
      return Promise.resolve({ groups: [['capital Kilo', 'lower quebec', 'seven', 'lower victor']] });
    if (channel === 'credentials.copy') return Promise.resolve({ via: 'main', clearAfterSeconds: 30 });
    if (channel === 'credentials.checkin')
      return Promise.resolve({ leaseId: 'lease-1', credentialId: 'free', rotation: 'pending' });
    return opts.invoke?.(channel, payload);
  };
  return renderRoutes(
    [
      { path: 'sites/:siteId', element: <SitePage /> },
      { path: 'lookup', element: <div data-testid="lookup-page" /> },
    ],
    url,
    { sites, profiles: [lou], credentials },
    {
      role: opts.role ?? 'noc',
      invoke,
    },
  ).then((r) => ({ ...r, calls }));
}

async function openCheckout() {
  const row = (await screen.findAllByTestId('credential-row')).find((r) => r.dataset.credentialId === 'free')!;
  fireEvent.click(within(row).getByTestId('credential-checkout'));
  return screen.findByTestId('checkout-dialog');
}

function fill(reason: string, ticket: string) {
  fireEvent.change(screen.getByTestId('checkout-reason'), { target: { value: reason } });
  fireEvent.change(screen.getByTestId('checkout-ticket'), { target: { value: ticket } });
}

describe('Credentials tab', { timeout: 60_000 }, () => {
  it('is absent for technicians, even when the URL asks for it', async () => {
    await setup({ role: 'technician' });
    expect(await screen.findByTestId('site-tab-overview')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('site-tab-people')).toBeTruthy());
    expect(screen.queryByTestId('site-tab-credentials')).toBeNull();
    expect(screen.queryByTestId('credentials-tab')).toBeNull();
  });

  it('lists the site’s back-office accounts from the cache with kind, lease and rotation state', async () => {
    await setup();
    expect(await screen.findByTestId('site-tab-credentials')).toBeTruthy();
    const rows = await screen.findAllByTestId('credential-row');
    expect(rows.map((r) => r.dataset.credentialId)).toEqual(['broken', 'free', 'held']);
    const byId = (id: string) => rows.find((r) => r.dataset.credentialId === id)!;
    expect(within(byId('held')).getByTestId('credential-lease').textContent).toMatch(/^Checked out by Nia Noc until /);
    expect(within(byId('free')).getByTestId('credential-lease').textContent).toBe('Available');
    expect(within(byId('broken')).getByTestId('credential-rotation').textContent).toBe('Rotation failed');
    expect(within(byId('free')).getByText('Simulated')).toBeTruthy();
    expect(within(byId('broken')).queryByText('Simulated')).toBeNull();
    expect((within(byId('held')).getByTestId('credential-checkout') as HTMLButtonElement).disabled).toBe(true);
    expect((within(byId('broken')).getByTestId('credential-checkout') as HTMLButtonElement).disabled).toBe(true);
    expect((within(byId('free')).getByTestId('credential-checkout') as HTMLButtonElement).disabled).toBe(false);
    // offline: the list is the cached one, and the tab says checking out needs the server
    expect((await screen.findByTestId('credentials-offline')).textContent).toMatch(/Checking out needs the server/);
    expect(screen.queryByTestId('credential-force')).toBeNull(); // NOC cannot force a check-in
  });

  it('offers a supervisor the forced check-in of a held account', async () => {
    const { calls } = await setup({ role: 'supervisor' });
    fireEvent.click(await screen.findByTestId('credential-force'));
    const confirm = await screen.findByTestId('credential-force-confirm');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Force check-in' }));
    await waitFor(() => expect(calls).toContainEqual(['credentials.forceCheckin', { credentialId: 'held' }]));
  });

  it('states the login window, refuses without reason or ticket, then checks out and shows no secret unasked', async () => {
    const { calls } = await setup();
    const dialog = await openCheckout();
    expect(within(dialog).getByTestId('checkout-window').textContent).toMatch(/login window/);
    fireEvent.click(screen.getByTestId('checkout-submit'));
    expect(await within(dialog).findByText(/say why you need this password/)).toBeTruthy();
    expect(calls.some(([c]) => c === 'credentials.checkout')).toBe(false);
    fill('Restart the file server', 'T-1042');
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    expect(calls).toContainEqual([
      'credentials.checkout',
      { credentialId: 'free', reason: 'Restart the file server', ticket: 'T-1042' },
    ]);
    expect(screen.getByTestId('lease-username').textContent).toBe('svc-free');
    expect(screen.getByTestId('lease-countdown').textContent).toMatch(/Login window: 3:00|Login window: 2:59/);
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('guards a credential of another site than the caller’s: confirmation required, sent and flagged', async () => {
    const { calls, router } = await setup();
    const box = screen.getByTestId('lookup-input');
    act(() => box.focus());
    fireEvent.change(box, { target: { value: '+1 503 555 0199' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByTestId('lookup-page');
    await act(() => router.navigate('/sites/site-nw?tab=credentials'));
    expect((await screen.findByTestId('caller-panel')).textContent).toContain('Lou Baker');
    await openCheckout();
    expect((await screen.findByTestId('checkout-wrong-site')).textContent).toContain('Bluebird Bakery');
    fill('Restart the file server', 'T-1042');
    expect((screen.getByTestId('checkout-submit') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('checkout-wrong-site-confirm'));
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    expect(calls).toContainEqual([
      'credentials.checkout',
      {
        credentialId: 'free',
        reason: 'Restart the file server',
        ticket: 'T-1042',
        callerSiteId: 'site-bb',
        wrongSiteConfirmed: true,
      },
    ]);
  });

  it('reveals for 15 seconds, reads back in groups, copies through main and checks in', async () => {
    const { calls } = await setup();
    await openCheckout();
    fill('Restart the file server', 'T-1042');
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(screen.getByTestId('lease-reveal'));
    expect((await screen.findByTestId('lease-secret')).textContent).toBe(SECRET);
    await act(async () => void (await vi.advanceTimersByTimeAsync(14_000)));
    expect(screen.getByTestId('lease-secret')).toBeTruthy();
    await act(async () => void (await vi.advanceTimersByTimeAsync(1_100)));
    expect(screen.queryByTestId('lease-secret')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);

    fireEvent.click(screen.getByTestId('lease-readback-button'));
    expect((await screen.findByTestId('lease-readback')).textContent).toBe(
      'capital Kilo · lower quebec · seven · lower victor',
    );
    fireEvent.click(screen.getByTestId('lease-copy'));
    expect((await screen.findByTestId('lease-copied')).textContent).toMatch(/cleared from the clipboard in 30 s/);
    fireEvent.click(screen.getByTestId('lease-checkin'));
    expect((await screen.findByTestId('lease-ended')).textContent).toMatch(/Checked in/);
    expect(screen.queryByTestId('lease-readback')).toBeNull();
    expect(calls.filter(([c]) => c.startsWith('credentials.') && c !== 'credentials.list').map(([c]) => c)).toEqual([
      'credentials.checkout',
      'credentials.reveal',
      'credentials.readBack',
      'credentials.copy',
      'credentials.checkin',
    ]);
  });

  it('at the end of the login window says "Rotated — request again" and the secret leaves the screen', async () => {
    await setup({}, undefined, 3_000);
    await openCheckout();
    fill('Restart the file server', 'T-1042');
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(screen.getByTestId('lease-reveal'));
    expect((await screen.findByTestId('lease-secret')).textContent).toBe(SECRET);
    await act(async () => void (await vi.advanceTimersByTimeAsync(3_500)));
    expect((await screen.findByTestId('lease-expired')).textContent).toMatch(/^Rotated — request again/);
    expect(screen.queryByTestId('lease-secret')).toBeNull();
    expect(screen.queryByTestId('lease-reveal')).toBeNull();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('when main ends the lease (screen locked) the secret leaves the screen with the reason', async () => {
    const { emit } = await setup();
    await openCheckout();
    fill('Restart the file server', 'T-1042');
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    fireEvent.click(screen.getByTestId('lease-reveal'));
    await screen.findByTestId('lease-secret');
    act(() => emit('lease.expired', { leaseId: 'lease-1', credentialId: 'free', reason: 'locked' }));
    expect((await screen.findByTestId('lease-ended')).textContent).toMatch(/screen was locked/);
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('in the web bridge copies with the browser clipboard and clears it only if unchanged', async () => {
    let clip = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (t: string) => void (clip = t), readText: async () => clip },
    });
    await setup({
      invoke: (channel) =>
        channel === 'credentials.copy'
          ? Promise.resolve({ via: 'renderer', secret: SECRET, clearAfterSeconds: 10 })
          : undefined,
    });
    await openCheckout();
    fill('Restart the file server', 'T-1042');
    fireEvent.click(screen.getByTestId('checkout-submit'));
    await screen.findByTestId('lease-dialog');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.click(screen.getByTestId('lease-copy'));
    expect((await screen.findByTestId('lease-copied')).textContent).toMatch(/this page clears the clipboard in 10 s/);
    expect(clip).toBe(SECRET);
    expect(document.body.textContent).not.toContain(SECRET);
    await act(async () => void (await vi.advanceTimersByTimeAsync(10_500)));
    expect(clip).toBe('');
    // copied again, then the technician copies something else: the check-in leaves it alone
    fireEvent.click(screen.getByTestId('lease-copy'));
    await waitFor(() => expect(clip).toBe(SECRET));
    clip = 'ticket notes';
    fireEvent.click(screen.getByTestId('lease-checkin'));
    await screen.findByTestId('lease-ended');
    expect(clip).toBe('ticket notes');
  });
});
