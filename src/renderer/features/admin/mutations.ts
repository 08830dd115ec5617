/**
 * Administration mutations: TOTP reset (device revoke is account/mutations' useRevokeDevice); the
 * audit chain check is audit/mutations' useVerifyAuditChain.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { sessionKeys } from '../session/queries.js';
import { adminKeys } from './queries.js';

export function useResetTotp() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      try {
        return await api.invoke('admin.resetTotp', { userId });
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: adminKeys.users() });
      // Resetting one's own TOTP changes what the session says (main updates it).
      await qc.invalidateQueries({ queryKey: sessionKeys.status() });
    },
  });
}
