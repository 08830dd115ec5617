/** Session queries. The renderer only ever sees `SessionStatus` (user, server URL) — never a token. */
import { queryOptions } from '@tanstack/react-query';
import type { CallsignApi } from '../../../shared/ipc/contract.js';

export const sessionKeys = {
  all: ['session'] as const,
  status: () => [...sessionKeys.all, 'status'] as const,
  appInfo: () => ['app', 'info'] as const,
};

export const sessionQueries = {
  status: (api: CallsignApi) =>
    queryOptions({
      queryKey: sessionKeys.status(),
      queryFn: () => api.invoke('session.status', {}),
      staleTime: Infinity,
    }),
  /** Shell, version and whether the sign-in survives a restart (fixed for the life of main). */
  appInfo: (api: CallsignApi) =>
    queryOptions({ queryKey: sessionKeys.appInfo(), queryFn: () => api.invoke('app.info', {}), staleTime: Infinity }),
};
