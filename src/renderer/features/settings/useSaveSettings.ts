import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../shared/ipc/contract.js';
import { toAppError } from '../../app/toAppError.js';
import { useServices } from '../../app/useServices.js';
import { settingsKeys } from './queries.js';

/**
 * Saves the Settings page. A new server address signs out first: main sends the signed-in
 * session's tokens to whatever address the settings hold, so they must never reach a different
 * server. Then the page reloads onto the sign-in screen for the new server.
 */
export function useSaveSettings(currentServerUrl: string) {
  const { api } = useServices();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (patch: Partial<Settings>) => {
      const serverChanged = patch.serverUrl !== undefined && patch.serverUrl !== currentServerUrl;
      try {
        if (serverChanged)
          await api.invoke('session.logout', {}).catch((err: unknown) => {
            // Main forgets the tokens either way; the old server's session then expires on its own.
            console.warn('Callsign: sign-out before changing the server could not reach the old server', err);
          });
        const saved = await api.invoke('settings.set', patch);
        return { saved, serverChanged };
      } catch (err) {
        throw toAppError(err);
      }
    },
    onSuccess: ({ saved, serverChanged }) => {
      qc.setQueryData(settingsKeys.current(), saved);
      if (serverChanged) location.reload();
    },
  });
}
