/**
 * Which URLs the app may load or hand to the OS, and which permissions its page gets. Pure
 * functions with tests; the Electron layer denies every navigation, window.open, permission request
 * and permission check that these do not allow.
 *
 * The app page is one exact file — the packaged `out/renderer/index.html` resolved at start-up —
 * not "any file named renderer/index.html": a page the user downloaded or unpacked elsewhere must
 * never be treated as the app (it would get the IPC surface). A custom `app://` protocol was
 * considered; it needs `protocol.handle` wiring that cannot be exercised without the Electron
 * binary here, and with the `grantFileProtocolExtraPrivileges` fuse off, an exact file path gives
 * the same guarantee with less untested code.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export interface AppPages {
  /** Absolute path of the renderer's index.html that this build ships. */
  indexFile: string;
  /** The dev server (`ELECTRON_RENDERER_URL`) in an unpackaged run only; see rendererDevUrl. */
  devServerUrl?: string | undefined;
}

function isLoopbackHttp(u: URL): boolean {
  return (
    (u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)
  );
}

/**
 * `ELECTRON_RENDERER_URL` (set by electron-vite in development) is honoured only when the app is not
 * packaged and only for a loopback URL: in a shipped build an environment variable must not be able
 * to point the privileged window at another page.
 */
export function rendererDevUrl(isPackaged: boolean, envValue: string | undefined): string | undefined {
  if (isPackaged || !envValue) return undefined;
  try {
    return isLoopbackHttp(new URL(envValue)) ? envValue : undefined;
  } catch {
    return undefined;
  }
}

/** The renderer may only ever show its own page: the exact packaged file, or the dev server. */
export function isAppUrl(url: string, pages: AppPages): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') {
    if (u.host !== '') return false; // file://host/… is a network share
    try {
      return resolve(fileURLToPath(new URL(u.pathname, 'file://'))) === resolve(pages.indexFile);
    } catch {
      return false; // encoded separators and the like
    }
  }
  if (pages.devServerUrl) {
    const dev = new URL(pages.devServerUrl);
    return u.origin === dev.origin && isLoopbackHttp(dev);
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
export function isTrustedSender(senderUrl: string | undefined, pages: AppPages): boolean {
  return senderUrl !== undefined && isAppUrl(senderUrl, pages);
}

/**
 * Permissions the app page needs: writing to the clipboard (the copy buttons use
 * `navigator.clipboard.writeText`). Everything else — camera, microphone, notifications,
 * geolocation, clipboard read, HID/serial/USB, fullscreen, openExternal… — is denied, for requests
 * (`setPermissionRequestHandler`) and checks (`setPermissionCheckHandler`) alike.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, pages: AppPages): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, pages);
}
