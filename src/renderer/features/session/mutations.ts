/**
 * Sign in / sign out. The password passes straight through to main (which sends it to the server)
 * and is never stored or logged here; the result is the token-free `SessionStatus`.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, SessionStatus } from '../../../shared/ipc/contract.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { sessionKeys } from './queries.js';

/** A sign-in step whose result is the new session status (errors become AppErrors for the form). */
function useSessionStep<C extends 'session.login' | 'session.totp' | 'session.choosePassword'>(channel: C) {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: RequestOf<C>): Promise<SessionStatus> => {
      try {
        return await api.invoke(channel, input);
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: (status: SessionStatus) => qc.setQueryData(sessionKeys.status(), status),
  });
}

export const useSignIn = () => useSessionStep('session.login');

/** The TOTP step; main holds the short-lived mfaToken, the code passes through once. */
export const useTotpSignIn = () => useSessionStep('session.totp');

/** After a one-time password: the person's own password (SECRET: passes through to main once). */
export const useChoosePassword = () => useSessionStep('session.choosePassword');

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
