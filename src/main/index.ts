/**
 * Electron main entry: the thin layer. Wires services with Electron adapters (safeStorage,
 * electron-store), opens one locked-down window and denies navigation, new windows and permissions.
 * The options and rules live in pure, tested files (electron/windowOptions.ts, urlPolicy.ts,
 * secretStoragePolicy.ts); securityChecklist.test.ts walks Electron's security checklist over them.
 */
import { app, BrowserWindow, dialog, powerMonitor, session as electronSession, shell } from 'electron';
import { join } from 'node:path';
import { createMainServices } from './services/createMainServices.js';
import { SafeStorageSecretStore } from './electron/safeStorageSecretStore.js';
import { ElectronStoreSettings } from './electron/electronStoreSettings.js';
import { ElectronClipboard } from './electron/electronClipboard.js';
import { ElectronFileSaver } from './electron/electronFileSaver.js';
import { emitTo, registerIpc } from './electron/registerIpc.js';
import { mainWindowOptions, RENDERER_CSP } from './electron/windowOptions.js';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isPermissionAllowed,
  rendererDevUrl,
  type AppPages,
} from './electron/urlPolicy.js';
import { installScreenPop } from './electron/screenPop.js';
import { deepLinkFromArgv } from './electron/screenPopRules.js';
import { controlSocketPath, startControlServerReported } from './services/controlSocket.js';

const pages: AppPages = {
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
  devServerUrl: rendererDevUrl(app.isPackaged, process.env.ELECTRON_RENDERER_URL),
};

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  // Events may be emitted by services before the window exists; they are dropped until it does.
  const windowRef: { current?: BrowserWindow } = {};
  const secrets = new SafeStorageSecretStore(app.getPath('userData'), (m) => console.warn(`Callsign: ${m}`));
  const { handlers, leases } = createMainServices({
    emit: (event, data) => windowRef.current && emitTo(windowRef.current.webContents, event, data),
    secrets,
    settings: new ElectronStoreSettings(),
    clipboard: new ElectronClipboard(),
    files: new ElectronFileSaver(),
    logError: (message) => process.stderr.write(`callsign: ${message}\n`),
    defaultServerUrl: process.env.CALLSIGN_SERVER_URL ?? 'http://127.0.0.1:4317',
    // `npm start`'s demo server; a packaged build never follows it (no demo is embedded there).
    ...(!app.isPackaged && process.env.CALLSIGN_DEMO_SERVER_URL
      ? { demoServerUrl: process.env.CALLSIGN_DEMO_SERVER_URL }
      : {}),
    shell: 'electron',
    version: app.getVersion(),
    secretStorage: secrets.mode,
  });
  registerIpc(handlers, pages);
  // Checked-out passwords never outlive an unattended desk or the process (LeaseKeeper).
  powerMonitor.on('lock-screen', () => void leases.wipeAll('locked'));
  // Quitting waits for the wipe once (clearing the clipboard is asynchronous), then quits for real.
  let wipedForQuit = false;
  app.on('will-quit', (e) => {
    if (wipedForQuit) return;
    e.preventDefault();
    void leases.wipeAll('quit').finally(() => ((wipedForQuit = true), app.quit()));
  });

  const ses = electronSession.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, cb) => cb(isPermissionAllowed(permission, wc.getURL(), pages)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, pages),
  );
  ses.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } }),
  );

  const win = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  windowRef.current = win;
  win.webContents.on('will-navigate', (e, url) => {
    if (!isAppUrl(url, pages)) e.preventDefault();
  });
  win.webContents.on('will-attach-webview', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const screenPop = installScreenPop(() => win);
  const warn = (message: string) => void dialog.showMessageBox(win, { type: 'warning', message });
  void startControlServerReported(controlSocketPath(app.getPath('userData')), screenPop.pop, (message) =>
    win.isVisible() ? warn(message) : win.once('ready-to-show', () => warn(message)),
  );
  win.once('ready-to-show', () => {
    win.show();
    screenPop.open(deepLinkFromArgv(process.argv));
  });
  if (pages.devServerUrl) void win.loadURL(pages.devServerUrl);
  else void win.loadFile(pages.indexFile);
});

app.on('window-all-closed', () => app.quit());
