/**
 * Builds the main-process services from injected adapters. Shared by the Electron entry and the web
 * bridge entry; the only difference between them is which SecretStore/SettingsStore they pass.
 */
import { hostname } from 'node:os';
import { ApiClient, type FetchLike } from './apiClient.js';
import type { DeviceRegistration } from '../../shared/auth/session.js';
import type { AppInfo, EventName, Events, Handlers, SessionStatus } from '../../shared/ipc/contract.js';
import { CtiStreamClient, webSocketOpener, type OpenStream } from './ctiStream.js';
import { createHandlers } from './handlers.js';
import { OfflineUnlock, type OfflineScryptParams } from './offlineUnlock.js';
import { chooseServerUrl } from './serverUrlChoice.js';
import { ConnectivityMonitor } from './connectivity.js';
import type { AppError } from '../../shared/api/errors.js';
import { SessionService } from './sessionService.js';
import type { SecretStore } from './secretStore.js';
import type { Clipboard } from './clipboard.js';
import type { FileSaver } from './fileSaver.js';
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
  /** Electron's save dialog for exports; absent in the web bridge, where the renderer downloads. */
  files?: FileSaver;
  /**
   * Where the offline unlock verifier is kept (default `secrets`): it must survive a restart, so the
   * web bridge passes its key-file store here while its refresh token stays in memory.
   */
  offlineSecrets?: SecretStore;
  /** scrypt cost of the offline verifier (tests pass a cheap one). */
  offlineScrypt?: OfflineScryptParams;
  /** Reports failures no caller waits for (never with a secret). */
  logError?: (message: string, err: unknown) => void;
  /** Off in tests that count requests; on by default (a 2 s heartbeat when nothing else answered). */
  heartbeat?: boolean;
  /** Pushes events to the renderer (bound once the window or bridge exists). */
  emit?: <E extends EventName>(event: E, data: Events[E]) => void;
  /** Opens the incoming-call stream (default: a WebSocket with `ws`). */
  openStream?: OpenStream;
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
  const offline = new OfflineUnlock(deps.offlineSecrets ?? deps.secrets, deps.offlineScrypt);
  const session = new SessionService(
    api,
    deps.secrets,
    serverUrl,
    deps.device ?? thisDevice(),
    (reason) => {
      void leases.wipeAll('wiped');
      calls.stop();
      deps.emit?.('session.wiped', { reason });
    },
    offline,
  );
  const calls = new CtiStreamClient({
    open: deps.openStream ?? webSocketOpener(deps.logError),
    session,
    serverUrl,
    onCall: (push) => deps.emit?.('cti.call', push),
    ...(deps.logError ? { logError: deps.logError } : {}),
  });
  // a stored session, picked up before the renderer's first session.status; then the call stream
  void session.resume().then(() => session.status().signedIn && calls.start());
  const handlers = createHandlers({
    api,
    session,
    settings: deps.settings,
    leases,
    connectivity,
    ...(deps.files ? { files: deps.files } : {}),
    info: {
      version: deps.version,
      shell: deps.shell,
      platform: process.platform,
      ...(deps.secretStorage ? { secretStorage: deps.secretStorage } : {}),
    },
  });
  return { api, session, leases, calls, connectivity, handlers: holdCallStream(handlers, calls) };
}

/** The call stream runs while someone is signed in: started by a completed sign-in, stopped by sign-out. */
function holdCallStream(handlers: Handlers, calls: CtiStreamClient): Handlers {
  const follow = (status: SessionStatus) => {
    // An offline unlock has no server to stream from; the next real sign-in starts it.
    if (status.signedIn && !status.offlineUnlocked) calls.start();
    else calls.stop();
    return status;
  };
  return {
    ...handlers,
    'session.login': async (p) => follow(await handlers['session.login'](p)),
    'session.totp': async (p) => follow(await handlers['session.totp'](p)),
    'session.choosePassword': async (p) => follow(await handlers['session.choosePassword'](p)),
    'session.logout': async (p) => follow(await handlers['session.logout'](p)),
  };
}
