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

export const SESSION_COOKIE = 'callsign_bridge';

/** Reads one cookie value from a Cookie header (no library needed for a single opaque id). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}
