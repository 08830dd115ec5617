/**
 * Builds the main-process services from injected adapters. Shared by the Electron entry and the web
 * bridge entry; the only difference between them is which SecretStore/SettingsStore they pass.
 */
import { hostname } from 'node:os';
import { ApiClient, type FetchLike } from './apiClient.js';
import type { DeviceRegistration } from '../../shared/auth/session.js';
import type { AppInfo, EventName, Events } from '../../shared/ipc/contract.js';
import { createHandlers } from './handlers.js';
import { chooseServerUrl } from './serverUrlChoice.js';
import { ConnectivityMonitor } from './connectivity.js';
import type { AppError } from '../../shared/api/errors.js';
import { SessionService } from './sessionService.js';
import type { SecretStore } from './secretStore.js';
import type { Clipboard } from './clipboard.js';
import { LeaseKeeper } from './leaseKeeper.js';
import type { SettingsStore } from './settingsStore.js';

export interface MainServiceDeps {
  secrets: SecretStore;
  settings: SettingsStore;
  defaultServerUrl: string;
  /** The embedded demo server under `npm start`; a stored loopback address follows it (serverUrlChoice.ts). */
  demoServerUrl?: string;
  shell: 'electron' | 'web-bridge';
  version: string;
  fetchImpl?: FetchLike;
  /** This installation in the server's device list (default: the host name and OS). */
  device?: DeviceRegistration;
  /** Whether `secrets` survives a restart (Electron's safeStorage); shown on the sign-in screen. */
  secretStorage?: AppInfo['secretStorage'];
  /** The OS clipboard (Electron); absent in the web bridge, where the renderer copies itself. */
  clipboard?: Clipboard;
  /** Reports failures no caller waits for (never with a secret). */
  logError?: (message: string, err: unknown) => void;
  /** Off in tests that count requests; on by default (a 2 s heartbeat when nothing else answered). */
  heartbeat?: boolean;
  /** Pushes events to the renderer (bound once the window or bridge exists). */
  emit?: <E extends EventName>(event: E, data: Events[E]) => void;
}

function thisDevice(): DeviceRegistration {
  const platform =
    ({ win32: 'windows', darwin: 'macos', linux: 'linux' } as const)[
      process.platform as 'win32' | 'darwin' | 'linux'
    ] ?? 'unknown';
  return { name: `${hostname().slice(0, 80) || 'Callsign'} (Callsign)`, platform };
}

export function createMainServices(deps: MainServiceDeps) {
  const serverUrl = () => chooseServerUrl(deps.settings.get().serverUrl, deps.defaultServerUrl, deps.demoServerUrl);
  const api = new ApiClient(serverUrl, deps.fetchImpl);
  const connectivity = new ConnectivityMonitor({
    probe: () =>
      api.request('/v1/health', { timeoutMs: 1500 }).then(
        () => true,
        (err: AppError) => err.code !== 'server_unreachable',
      ),
    onChange: (status) => deps.emit?.('connection.changed', status),
  });
  api.onReach = (reachable) => connectivity.report(reachable);
  if (deps.heartbeat !== false) connectivity.start();
  const leases = new LeaseKeeper({
    clipboard: deps.clipboard,
    clearAfterSeconds: () => deps.settings.get().clipboardClearSeconds,
    onEnded: (ended) => deps.emit?.('lease.expired', ended),
    onError: deps.logError,
  });
  const session = new SessionService(api, deps.secrets, serverUrl, deps.device ?? thisDevice(), (reason) => {
    void leases.wipeAll('wiped');
    deps.emit?.('session.wiped', { reason });
  });
  void session.resume(); // a stored session, picked up before the renderer's first session.status
  const handlers = createHandlers({
    api,
    session,
    settings: deps.settings,
    leases,
    connectivity,
    info: {
      version: deps.version,
      shell: deps.shell,
      platform: process.platform,
      ...(deps.secretStorage ? { secretStorage: deps.secretStorage } : {}),
    },
  });
  return { api, session, leases, handlers, connectivity };
}
