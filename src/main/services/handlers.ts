/**
 * The main-process implementation of the IPC contract, wired from injected services so the same
 * handlers run in Electron and behind the web bridge (and in Node tests).
 */
import { SyncPage } from '../../shared/api/sync.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import type { ApiClient } from './apiClient.js';
import type { SessionService } from './sessionService.js';
import type { SettingsStore } from './settingsStore.js';

export interface HandlerDeps {
  api: ApiClient;
  session: SessionService;
  settings: SettingsStore;
  info: { version: string; shell: 'electron' | 'web-bridge'; platform: string };
}

export function createHandlers({ api, session, settings, info }: HandlerDeps): Handlers {
  return {
    'session.status': async () => session.status(),
    'session.login': async ({ email, password, serverUrl }) => {
      if (serverUrl) settings.set({ serverUrl });
      return session.login(email, password);
    },
    'session.logout': async () => session.logout(),
    'sync.pull': async ({ since, limit }) =>
      session.authorized(async (token) => SyncPage.parse(await api.request('/v1/sync', { token, query: { since, limit } }))),
    'lookup.remote': async (q) => session.authorized((token) => api.request('/v1/lookup', { token, query: q })),
    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => settings.set(patch),
    'app.info': async () => info,
  };
}
