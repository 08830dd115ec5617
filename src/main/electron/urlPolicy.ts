/**
 * Which URLs the app may load or hand to the OS. Pure functions with tests; the Electron layer
 * denies every navigation, window.open and permission request that these do not allow.
 */

/** The renderer may only ever show its own pages: the packaged file or the dev server. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') return u.pathname.endsWith('/renderer/index.html');
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    return u.origin === dev.origin && (dev.hostname === 'localhost' || dev.hostname === '127.0.0.1');
  }
  return false;
}

/** Links the user clicks may open in the system browser: https only, no credentials in the URL. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Only senders showing the app's own page may call IPC handlers. */
export function isTrustedSender(senderUrl: string | undefined, devServerUrl?: string): boolean {
  return senderUrl !== undefined && isAppUrl(senderUrl, devServerUrl);
}
