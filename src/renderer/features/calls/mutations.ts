/** Attaching an unidentified number to a person (admin): resolves the person by email, then `cti.attach`. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AppError } from '../../../shared/api/errors.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { callKeys } from './queries.js';

/** The first person the server's lookup finds for this email address, or undefined. */
function profileIdOf(answer: unknown): string | undefined {
  const candidates = (answer as { candidates?: Array<{ profileId?: unknown }> } | null)?.candidates ?? [];
  const hit = candidates.find((c) => typeof c.profileId === 'string');
  return hit?.profileId as string | undefined;
}

export function useAttachNumber() {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ callId, email }: { callId: string; email: string }) => {
      try {
        const profileId = profileIdOf(await api.invoke('lookup.remote', { email: email.trim() }));
        if (!profileId) throw new AppError('not_found', 'No person has this email address.', 'email');
        return await api.invoke('cti.attach', { callId, profileId });
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.all }),
  });
}
