/**
 * Account mutations. TOTP enrolment and confirmation are mutations, never queries: their results
 * (secret, otpauth URI, QR image, recovery codes) must not sit in a query cache. `gcTime: 0` drops
 * the finished mutation at once, and useTotpEnrolment moves the result into component state and
 * resets the mutation, so the secret lives only as long as the enrolment card is on screen.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionStatus } from '../../../shared/ipc/contract.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { sessionKeys } from '../session/queries.js';
import { deviceKeys } from './queries.js';

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toAppError(err);
  }
}

export function useStartTotpEnrolment() {
  const { api } = useServices();
  return useMutation({
    mutationFn: (currentPassword: string) => call(() => api.invoke('account.totpEnroll', { currentPassword })),
    gcTime: 0,
  });
}

export function useConfirmTotp() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call(() => api.invoke('account.totpConfirm', { code })),
    gcTime: 0,
    // Main now reports TOTP on; patch the status instead of refetching so nothing else re-renders.
    onSuccess: () => qc.setQueryData<SessionStatus>(sessionKeys.status(), (s) => (s ? { ...s, totpEnabled: true } : s)),
  });
}

/**
 * Changes the signed-in person's password. SECRET: both passwords pass through to main once; `gcTime: 0`
 * drops the finished mutation (and its variables) at once.
 */
export function useChangePassword() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      call(() => api.invoke('account.changePassword', input)),
    gcTime: 0,
    // The server signed out the account's other devices: the device lists change.
    onSuccess: () => qc.invalidateQueries({ queryKey: deviceKeys.all }),
  });
}

/** Revokes a device (own, or anyone's for an administrator) and refreshes every device list. */
export function useRevokeDevice() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(() => api.invoke('devices.revoke', { id })),
    onSettled: () => qc.invalidateQueries({ queryKey: deviceKeys.all }),
  });
}
