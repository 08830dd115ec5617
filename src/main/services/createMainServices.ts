/**
 * Builds the main-process services from injected adapters. Shared by the Electron entry and the web
 * bridge entry; the only difference between them is which SecretStore/SettingsStore they pass.
 */
import { ApiClient, type FetchLike } from './apiClient.js';
import { createHandlers } from './handlers.js';
import { SessionService } from './sessionService.js';
import type { SecretStore } from './secretStore.js';
import type { SettingsStore } from './settingsStore.js';

export interface MainServiceDeps {
  secrets: SecretStore;
  settings: SettingsStore;
  defaultServerUrl: string;
  shell: 'electron' | 'web-bridge';
  version: string;
  fetchImpl?: FetchLike;
}

export function createMainServices(deps: MainServiceDeps) {
  const serverUrl = () => deps.settings.get().serverUrl ?? deps.defaultServerUrl;
  const api = new ApiClient(serverUrl, deps.fetchImpl);
  const session = new SessionService(api, deps.secrets, serverUrl);
  const handlers = createHandlers({
    api,
    session,
    settings: deps.settings,
    info: { version: deps.version, shell: deps.shell, platform: process.platform },
  });
  return { api, session, handlers };
}
