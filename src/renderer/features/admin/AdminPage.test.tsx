// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import type { DeviceInfo } from '../../../shared/auth/session.js';
import type { Handlers } from '../../../shared/ipc/contract.js';
import { renderPage } from '../../testing/renderPage.js';
import { AdminPage } from './AdminPage.js';

const account = (id: string, email: string, over: Partial<AccountSummary> = {}): AccountSummary => ({
  id,
  email,
  name: email.split('@')[0]!,
  role: 'technician',
  createdAt: '2026-01-01T00:00:00.000Z',
  totpEnabled: false,
  activeDevices: 1,
  ...over,
});
const device = (id: string, userEmail: string, over: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id,
  userId: userEmail,
  userEmail,
  name: `Desk ${id}`,
  platform: 'linux',
  createdAt: '2026-01-01T10:00:00.000Z',
  lastSeenAt: new Date().toISOString(),
  revokedAt: null,
  current: false,
  ...over,
});

function handlers(): Partial<Handlers> {
  let users = [
    account('u1', 'tech@callsign.demo', { totpEnabled: true }),
    account('u2', 'noc@callsign.demo', { role: 'noc' }),
  ];
  let devices = [device('d1', 'admin@callsign.demo', { current: true }), device('d2', 'tech@callsign.demo')];
  return {
    'admin.users': async () => ({ users }),
    'admin.resetTotp': async ({ userId }) => {
      users = users.map((u) => (u.id === userId ? { ...u, totpEnabled: false } : u));
      return { reset: true };
    },
    'devices.list': async ({ scope }) => ({ devices: scope === 'all' ? devices : devices.filter((d) => d.current) }),
    'devices.revoke': async ({ id }) => {
      devices = devices.map((d) => (d.id === id ? { ...d, revokedAt: new Date().toISOString() } : d));
      return { revoked: true };
    },
  };
}

afterEach(cleanup);

describe('AdminPage', () => {
  it('shows a supervisor both lists without any action', async () => {
    renderPage(<AdminPage role="supervisor" />, { handlers: handlers() });
    expect(await screen.findByTestId('admin-read-only')).toBeTruthy();
    const rows = await screen.findAllByTestId('account-row');
    expect(rows.map((r) => r.getAttribute('data-email'))).toEqual(['tech@callsign.demo', 'noc@callsign.demo']);
    expect(within(rows[0]!).getByTestId('account-totp').textContent).toBe('On');
    expect(screen.queryByTestId('reset-totp')).toBeNull();
    expect(screen.queryByText('Actions')).toBeNull();

    fireEvent.click(screen.getByTestId('admin-tab-devices'));
    expect(await screen.findAllByTestId('admin-device-row')).toHaveLength(2);
    expect(screen.queryByTestId('device-revoke')).toBeNull();
  });

  it('lets an admin reset TOTP and revoke a device, each after a confirm', async () => {
    const { calls } = renderPage(<AdminPage role="admin" />, { handlers: handlers() });
    const tech = (await screen.findAllByTestId('account-row'))[0]!;
    expect(screen.queryByTestId('admin-read-only')).toBeNull();
    expect(screen.getAllByTestId('reset-totp')).toHaveLength(1); // only where TOTP is on
    fireEvent.click(within(tech).getByTestId('reset-totp'));
    fireEvent.click(within(await screen.findByTestId('reset-totp-dialog')).getByTestId('reset-totp-dialog-confirm'));
    await waitFor(() =>
      expect(within(screen.getAllByTestId('account-row')[0]!).getByTestId('account-totp').textContent).toBe('Off'),
    );
    expect(calls.find((c) => c.channel === 'admin.resetTotp')?.payload).toEqual({ userId: 'u1' });

    fireEvent.click(screen.getByTestId('admin-tab-devices'));
    const rows = await screen.findAllByTestId('admin-device-row');
    expect(within(rows[0]!).getByTestId('device-revoke')).toHaveProperty('disabled', true); // the admin's own, current device
    fireEvent.click(within(rows[1]!).getByTestId('device-revoke'));
    const dialog = await screen.findByTestId('revoke-dialog');
    expect(dialog.textContent).toContain('deletes its cached directory');
    fireEvent.click(within(dialog).getByTestId('revoke-dialog-confirm'));
    await waitFor(() =>
      expect(within(screen.getAllByTestId('admin-device-row')[1]!).queryByTestId('device-revoked')).not.toBeNull(),
    );
    expect(calls.find((c) => c.channel === 'devices.revoke')?.payload).toEqual({ id: 'd2' });
  });

  it('filters a list by any visible word', async () => {
    renderPage(<AdminPage role="admin" />, { url: '/admin?tab=devices', handlers: handlers() });
    expect(await screen.findAllByTestId('admin-device-row')).toHaveLength(2);
    fireEvent.change(screen.getByTestId('devices-filter'), { target: { value: 'tech' } });
    expect(screen.getAllByTestId('admin-device-row').map((r) => r.getAttribute('data-user'))).toEqual([
      'tech@callsign.demo',
    ]);
    fireEvent.change(screen.getByTestId('devices-filter'), { target: { value: 'nobody' } });
    expect(screen.getByText('Nothing matches “nobody”.')).toBeTruthy();
  });
});
