/**
 * Which server the desktop talks to. Normally the address the user typed (stored in settings), else
 * the shell's default. Under `npm start` the embedded demo server's address is passed in as well
 * (CALLSIGN_DEMO_SERVER_URL): a stored address on this computer (loopback) is then taken to mean "the
 * demo" and follows it, so a demo started on another port (CALLSIGN_SERVER_PORT) is not signed in
 * against a dead one. An https or other-host address the user typed is never overridden.
 */
import { isLoopbackHost } from '../../shared/api/serverUrl.js';

function isLoopbackUrl(value: string): boolean {
  try {
    return isLoopbackHost(new URL(value).hostname);
  } catch {
    return false;
  }
}

export function chooseServerUrl(stored: string | undefined, defaultUrl: string, demoUrl?: string): string {
  if (demoUrl && (!stored || isLoopbackUrl(stored))) return demoUrl;
  return stored ?? defaultUrl;
}
