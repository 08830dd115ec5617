/**
 * Finds the `CallsignApi` for this window: the Electron preload's `window.callsign`, or else the
 * loopback web bridge.
 *
 * Secret passing through here: the bridge's one-time launch token arrives in the URL fragment
 * (`#bridge=<token>`). It is POSTed once to `/bridge/session` (same origin), which answers with an
 * HttpOnly cookie (the bridge accepts each token once), and is then removed from the address bar
 * with `history.replaceState`. The token
 * is never stored (no localStorage/sessionStorage/IndexedDB) and never logged; after a reload the
 * cookie alone authenticates the WebSocket.
 */
import { AppError } from '../../shared/api/errors.js';
import type { CallsignApi } from '../../shared/ipc/contract.js';
import { connectBridgeSocket, type SocketLike } from './bridgeSocket.js';

export interface BootEnvironment {
  callsign?: CallsignApi | undefined;
  location: Pick<Location, 'hash' | 'host' | 'protocol' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState'>;
  fetch: (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status'>>;
  openSocket: (url: string) => SocketLike;
}

/** Reads `bridge=<token>` from a fragment such as `#bridge=abc` or `#/lookup?x=1&bridge=abc`. */
export function readBridgeToken(hash: string): string | undefined {
  const match = /[#?&/]bridge=([A-Za-z0-9_-]+)/.exec(hash);
  return match?.[1];
}

export function bridgeUnavailable(): AppError {
  return new AppError('bridge_unavailable', 'Open Callsign from the link printed by `npm start`.');
}

export async function resolveCallsignApi(env: BootEnvironment): Promise<CallsignApi> {
  if (env.callsign) return env.callsign;
  const token = readBridgeToken(env.location.hash);
  if (token) {
    // The bridge takes a launch token once. A refused exchange may still leave this browser with a
    // valid cookie from the first one (history navigation, a reopened link), so the socket decides.
    try {
      const res = await env.fetch('/bridge/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
        credentials: 'same-origin',
      });
      if (!res.ok) console.warn(`Callsign: the bridge refused this link (${res.status}); trying the existing session.`);
    } catch (err) {
      console.warn('Callsign: could not reach the bridge to exchange the link', err);
    } finally {
      // Drop the token from the address bar (and from history) whatever the outcome.
      env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}#/`);
    }
  }
  const scheme = env.location.protocol === 'https:' ? 'wss' : 'ws';
  try {
    return await connectBridgeSocket({
      openSocket: () => env.openSocket(`${scheme}://${env.location.host}/bridge/ws`),
    });
  } catch {
    throw bridgeUnavailable();
  }
}

/** The browser's real environment. */
export function browserEnvironment(): BootEnvironment {
  const w = window as Window & { callsign?: CallsignApi };
  return {
    callsign: w.callsign,
    location: window.location,
    history: window.history,
    fetch: (url, init) => window.fetch(url, init),
    openSocket: (url) => new WebSocket(url) as unknown as SocketLike,
  };
}
