/**
 * Screen pops in Electron: the `callsign://` protocol (OS hands the URL to a second instance, which
 * the single-instance lock forwards here; macOS uses `open-url`), and a global hotkey that looks up
 * the clipboard's text. Every URL goes through parseDeepLink; anything else is ignored.
 */
import { app, clipboard, globalShortcut, type BrowserWindow } from 'electron';
import { lookupEvent, parseDeepLink, type DeepLink } from '../../shared/deeplink/parseDeepLink.js';
import { emitTo } from './registerIpc.js';
import { CLIPBOARD_HOTKEY, deepLinkFromArgv, linkFromClipboardText } from './screenPopRules.js';

export function installScreenPop(getWindow: () => BrowserWindow | undefined) {
  const pop = (link: DeepLink) => {
    const win = getWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
    emitTo(win.webContents, 'deeplink.lookup', lookupEvent(link));
  };
  const open = (url: string | undefined) => {
    const r = url ? parseDeepLink(url) : undefined;
    if (r?.ok) pop(r.link);
  };
  if (!app.isDefaultProtocolClient('callsign')) app.setAsDefaultProtocolClient('callsign');
  app.on('second-instance', (_e, argv) => open(deepLinkFromArgv(argv)));
  app.on('open-url', (e, url) => (e.preventDefault(), open(url)));
  globalShortcut.register(CLIPBOARD_HOTKEY, async () => {
    const link = linkFromClipboardText(await clipboard.readText());
    if (link) pop(link);
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  return { open, pop };
}
