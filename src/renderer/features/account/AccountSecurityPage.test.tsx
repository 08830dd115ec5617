// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppError } from '../../../shared/api/errors.js';
import type { DeviceInfo } from '../../../shared/auth/session.js';
import { renderPage } from '../../testing/renderPage.js';
import { AccountSecurityPage } from './AccountSecurityPage.js';
import { groupKey } from './TotpSetupForm.js';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const CODES = Array.from({ length: 10 }, (_, i) => `7KQ4-M2XD-9PRT-W3H${i}`);
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const device = (id: string, over: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id,
  userId: 'u1',
  userEmail: 'tech@callsign.demo',
  name: `Desk ${id}`,
  platform: 'linux',
  createdAt: '2026-01-01T10:00:00.000Z',
  lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  revokedAt: null,
  current: false,
  ...over,
});

afterEach(cleanup);

describe('AccountSecurityPage — two-step sign-in', () => {
  function setup() {
    return renderPage(<AccountSecurityPage />, {
      status: { totpEnabled: false },
      handlers: {
        'devices.list': async () => ({ devices: [] }),
        'account.totpEnroll': async () => ({
          secret: SECRET,
          otpauthUri: `otpauth://totp/Callsign:tech?secret=${SECRET}`,
          qrCodeDataUrl: PNG,
        }),
        'account.totpConfirm': async ({ code }) => {
          if (code !== '123456')
            throw new AppError(
              'invalid_code',
              'That code is not right. Check the time on your phone and enter the current 6-digit code.',
              'code',
            );
          return { recoveryCodes: CODES };
        },
      },
    });
  }

  it('enrols: QR and grouped key, a wrong code explained at the field, then the recovery codes once', async () => {
    const { queryClient, calls } = setup();
    expect((await screen.findByTestId('totp-status')).textContent).toBe('Off');
    // The current password first: a signed-in window alone cannot turn two-step sign-in on.
    expect(screen.getByTestId('totp-start')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByTestId('totp-current-password'), { target: { value: 'my password' } });
    fireEvent.click(screen.getByTestId('totp-start'));
    await waitFor(() =>
      expect(calls.find((c) => c.channel === 'account.totpEnroll')?.payload).toEqual({
        currentPassword: 'my password',
      }),
    );

    expect(((await screen.findByTestId('totp-qr')) as HTMLImageElement).src).toBe(PNG);
    expect((screen.getByTestId('totp-secret') as HTMLInputElement).value).toBe(groupKey(SECRET));
    expect(screen.getByTestId('totp-confirm')).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByTestId('totp-code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByTestId('totp-confirm'));
    expect(await screen.findByText(/That code is not right/)).toBeTruthy();

    fireEvent.change(screen.getByTestId('totp-code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId('totp-confirm'));
    const list = await screen.findByTestId('recovery-codes');
    expect(
      within(list)
        .getAllByTestId('recovery-code')
        .map((li) => li.textContent),
    ).toEqual(CODES);
    expect(screen.getByTestId('totp-status').textContent).toBe('On');

    // The secret and the codes are in component state only: not in the query/mutation caches,
    // storage or the URL.
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
      queryClient
        .getMutationCache()
        .getAll()
        .map((m) => m.state),
    ]);
    expect(cached).not.toContain(SECRET);
    expect(cached).not.toContain(CODES[0]);
    expect(localStorage.length + sessionStorage.length).toBe(0);
    expect(location.href).not.toContain(SECRET);

    fireEvent.click(screen.getByTestId('recovery-saved'));
    expect(screen.queryByTestId('recovery-codes')).toBeNull();
    expect(document.body.textContent).not.toContain(CODES[0]);
    expect(screen.queryByTestId('totp-start')).toBeNull();
  });

  it('says when TOTP is already on and offers no set-up', async () => {
    const { calls } = renderPage(<AccountSecurityPage />, {
      status: { totpEnabled: true },
      handlers: { 'devices.list': async () => ({ devices: [] }) },
    });
    await waitFor(() => expect(screen.getByTestId('totp-status').textContent).toBe('On'));
    expect(screen.queryByTestId('totp-start')).toBeNull();
    expect(calls.map((c) => c.channel)).not.toContain('account.totpEnroll');
  });

  it('cancelling the set-up drops the key from the page', async () => {
    setup();
    fireEvent.change(await screen.findByTestId('totp-current-password'), { target: { value: 'my password' } });
    fireEvent.click(screen.getByTestId('totp-start'));
    await screen.findByTestId('totp-secret');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('totp-secret')).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET.slice(0, 8));
  });
});

describe('AccountSecurityPage — my devices', () => {
  it('lists devices with this device marked; revoke is confirmed first and not offered for this device', async () => {
    let devices = [
      device('d1', { current: true, name: 'Front desk (Callsign)' }),
      device('d2', { name: 'Laptop', platform: 'windows' }),
      device('d3', { revokedAt: '2026-01-03T10:00:00.000Z' }),
    ];
    const { calls } = renderPage(<AccountSecurityPage />, {
      handlers: {
        'devices.list': async () => ({ devices }),
        'devices.revoke': async ({ id }) => {
          devices = devices.map((d) => (d.id === id ? { ...d, revokedAt: new Date().toISOString() } : d));
          return { revoked: true };
        },
      },
    });
    const rows = await screen.findAllByTestId('device-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByTestId('this-device').textContent).toBe('This device');
    expect(rows[0]!.textContent).toContain('5 minutes ago');
    expect(within(rows[0]!).getByTestId('device-revoke')).toHaveProperty('disabled', true);
    expect(rows[1]!.textContent).toContain('Windows');
    expect(within(rows[2]!).queryByTestId('device-revoke')).toBeNull();
    expect(within(rows[2]!).getByTestId('device-revoked')).toBeTruthy();

    fireEvent.click(within(rows[1]!).getByTestId('device-revoke'));
    const dialog = await screen.findByTestId('revoke-dialog');
    expect(dialog.textContent).toContain('Revoke “Laptop”?');
    expect(calls.some((c) => c.channel === 'devices.revoke')).toBe(false);
    fireEvent.click(within(dialog).getByTestId('revoke-dialog-confirm'));
    await waitFor(() => expect(calls.find((c) => c.channel === 'devices.revoke')?.payload).toEqual({ id: 'd2' }));
    await waitFor(() =>
      expect(within(screen.getAllByTestId('device-row')[1]!).queryByTestId('device-revoked')).not.toBeNull(),
    );
  });

  it('says what went wrong and offers a retry when the list cannot load', async () => {
    renderPage(<AccountSecurityPage />, {
      handlers: {
        'devices.list': async () => {
          throw new AppError('server_unreachable', "Couldn't reach the Callsign server.");
        },
      },
    });
    expect((await screen.findByTestId('devices-error')).textContent).toContain("Couldn't reach the Callsign server.");
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
