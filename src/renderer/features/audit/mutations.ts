/** Audit mutations: the chain check (changes nothing, but runs on demand and can take a while on a long chain). */
import { useMutation } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';

export function useVerifyAuditChain() {
  const { api } = useServices();
  return useMutation({
    mutationFn: async () => {
      try {
        return await api.invoke('audit.verify', {});
      } catch (err) {
        throw toAppError(err);
      }
    },
  });
}
