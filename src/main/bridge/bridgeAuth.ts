/**
 * Guards of the web bridge, as pure functions. The bridge listens on loopback only; a page may use
 * it only if (1) the request's Host is the bridge itself (defeats DNS rebinding), (2) its Origin is
 * the bridge's own origin (defeats other local web pages), and (3) it proves knowledge of the random
 * launch token from the URL fragment — exchanged once per browser for an HttpOnly, SameSite=Strict
 * session cookie so the token leaves the address bar and is never readable by page scripts.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && [`127.0.0.1:${port}`, `localhost:${port}`].includes(host);
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).includes(origin);
}

/**
 * Fixed default port: the bridge's origin (`http://127.0.0.1:4318`) — and with it the browser's
 * IndexedDB copy of the directory — stays the same across launches. `--port` / `CALLSIGN_PORT`
 * override it; 0 picks a free port (tests, parallel journeys).
 */
export const DEFAULT_BRIDGE_PORT = 4318;

export function bridgePort(flag: string | undefined, env: string | undefined): number {
  const raw = flag ?? env;
  if (raw === undefined || raw === '') return DEFAULT_BRIDGE_PORT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) {
    throw new Error(`--port (or CALLSIGN_PORT) must be a TCP port number 0–65535, not "${raw.slice(0, 16)}".`);
  }
  return n;
}

/**
 * Cookies are not port-scoped: every service on 127.0.0.1 receives this cookie, and any of them can
 * set one of the same name. A name carrying the port and a random per-launch suffix, checked by
 * name on every upgrade, means another service's (or an earlier launch's) cookie never counts and
 * ours never overwrites theirs; the short lifetimes bound what a receiving local service could do.
 */
export function cookieName(port: number, launchSuffix: string): string {
  return `callsign_bridge_${port}_${launchSuffix}`;
}

/** Reads one cookie value from a Cookie header (no library needed for a single opaque id). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** No `Secure`/`__Host-`: the bridge is plain http on loopback, where browsers would drop them. */
export function sessionCookie(name: string, id: string, maxAgeSeconds: number): string {
  return `${name}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAgeSeconds}`;
}
