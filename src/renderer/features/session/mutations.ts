/**
 * Sign in / sign out. The password passes straight through to main (which sends it to the server)
 * and is never stored or logged here; the result is the token-free `SessionStatus`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, SessionStatus } from '../../../shared/ipc/contract.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { sessionKeys } from './queries.js';

export function useSignIn() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: RequestOf<'session.login'>) => {
      try {
        return await api.invoke('session.login', input);
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: (status: SessionStatus) => qc.setQueryData(sessionKeys.status(), status),
  });
}

/** The TOTP step; main holds the short-lived mfaToken, the code passes through once. */
export function useTotpSignIn() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: RequestOf<'session.totp'>) => {
      try {
        return await api.invoke('session.totp', input);
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: (status: SessionStatus) => qc.setQueryData(sessionKeys.status(), status),
  });
}

export function useSignOut() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.invoke('session.logout', {}),
    onSuccess: (status: SessionStatus) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' && q.queryKey[0] !== 'settings' });
      qc.setQueryData(sessionKeys.status(), status);
    },
  });
}
