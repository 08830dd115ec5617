/**
 * IPC handlers for one's own account (TOTP enrolment, password change, own devices) and for account administration
 * (all accounts, everyone's devices, TOTP reset). Each is one authorised server call through the
 * session (bearer token added by ApiClient, one refresh on 401, wipe on `device_revoked`); the server
 * checks the permission, the desktop app only hides what the role cannot do.
 *
 * Secrets passing through: the enrolment result (TOTP secret, otpauth URI, QR image) and the
 * confirmation result (recovery codes) are parsed and handed to the renderer as they are. Nothing
 * here logs, caches or keeps them; the server marks those responses `no-store`.
 */
import { AccountList } from '../../shared/auth/accounts.js';
import { DeviceList, TotpConfirmed, TotpEnrolment } from '../../shared/auth/session.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';

export type AccountChannel =
  | 'account.totpEnroll'
  | 'account.totpConfirm'
  | 'account.changePassword'
  | 'devices.list'
  | 'devices.revoke'
  | 'admin.users'
  | 'admin.resetTotp';

export function createAccountHandlers(api: ApiClient, session: SessionService): Pick<Handlers, AccountChannel> {
  return {
    'account.totpEnroll': async ({ currentPassword }) =>
      session.authorized(async (token) =>
        TotpEnrolment.parse(
          await api.request('/v1/auth/totp/enroll', { method: 'POST', token, body: { currentPassword } }),
        ),
      ),
    'account.totpConfirm': async ({ code }) => {
      const confirmed = await session.authorized(async (token) =>
        TotpConfirmed.parse(await api.request('/v1/auth/totp/confirm', { method: 'POST', token, body: { code } })),
      );
      session.noteTotpEnabled(true);
      return confirmed;
    },
    // SECRET: both passwords go to the server through the session only (see SessionService.changePassword).
    'account.changePassword': async ({ currentPassword, newPassword }) => {
      await session.changePassword(currentPassword, newPassword);
      return { changed: true as const };
    },
    'devices.list': async ({ scope }) =>
      session.authorized(async (token) =>
        DeviceList.parse(await api.request('/v1/devices', { token, query: { scope } })),
      ),
    'devices.revoke': async ({ id }) =>
      session.authorized(async (token) => {
        await api.request(`/v1/devices/${encodeURIComponent(id)}`, { method: 'DELETE', token });
        return { revoked: true as const };
      }),
    'admin.users': async () =>
      session.authorized(async (token) => AccountList.parse(await api.request('/v1/admin/users', { token }))),
    'admin.resetTotp': async ({ userId }) => {
      await session.authorized((token) =>
        api.request(`/v1/admin/users/${encodeURIComponent(userId)}/totp`, { method: 'DELETE', token }),
      );
      // An administrator resetting their own TOTP: the account page should offer set-up again.
      if (session.status().user?.id === userId) session.noteTotpEnabled(false);
      return { reset: true as const };
    },
  };
}
