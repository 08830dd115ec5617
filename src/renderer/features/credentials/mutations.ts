/**
 * Credentials mutations. Check-out / check-in / forced check-in return no secret and refresh the
 * site's list. Reveal, Read back and Copy return the password (or its read-back): their mutations keep
 * nothing — `gcTime: 0`, and the caller takes the result into component state and resets the mutation
 * at once (see useLeaseSecret), so the secret lives only as long as the dialog shows it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { useServices } from '../../app/useServices.js';
import { credentialKeys } from './queries.js';

function useInvalidateCredentials() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: credentialKeys.all });
}

export function useCheckout() {
  const { api } = useServices();
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: async (req: RequestOf<'credentials.checkout'>) => {
      try {
        return await api.invoke('credentials.checkout', req);
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: invalidate,
  });
}

export function useCheckin() {
  const { api } = useServices();
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: async (leaseId: string) => {
      try {
        return await api.invoke('credentials.checkin', { leaseId });
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSettled: invalidate,
  });
}

export function useForceCheckin() {
  const { api } = useServices();
  const invalidate = useInvalidateCredentials();
  return useMutation({
    mutationFn: async (credentialId: string) => {
      try {
        return await api.invoke('credentials.forceCheckin', { credentialId });
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSettled: invalidate,
  });
}

/** SECRET-bearing: never read `.data` of these; take the result in `onSuccess` and `reset()`. */
export function useSecretAction<C extends 'credentials.reveal' | 'credentials.readBack' | 'credentials.copy'>(
  channel: C,
) {
  const { api } = useServices();
  return useMutation({
    mutationFn: async (leaseId: string) => {
      try {
        return await api.invoke(channel, { leaseId } as RequestOf<C>);
      } catch (err) {
        throw toAppError(err);
      }
    },
    gcTime: 0,
  });
}
