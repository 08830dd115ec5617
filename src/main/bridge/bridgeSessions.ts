/**
 * Web bridge sessions, held in memory only (a restart of the bridge signs every browser out).
 *
 * - The launch token printed in the URL is exchanged **once** for a session; a second exchange is
 *   refused as `used` (the bridge can then print a fresh link with `reissue`).
 * - A session expires after `BRIDGE_SESSION_ABSOLUTE_MS` whatever happens, and after the app's own
 *   idle sign-out time (15 min) without an open page: an open WebSocket counts as activity (the
 *   renderer signs itself out when the person is idle), so idle time runs from its last socket close.
 */
import { IDLE_SIGN_OUT_MS } from '../../shared/auth/idleTimeout.js';
import { tokensEqual } from './bridgeAuth.js';

export const BRIDGE_SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const BRIDGE_SESSION_IDLE_MS = IDLE_SIGN_OUT_MS;

export type Exchange = { ok: true; id: string; maxAgeSeconds: number } | { ok: false; why: 'token' | 'used' };
export type SessionCheck = 'ok' | 'expired' | 'unknown';

interface Session {
  created: number;
  lastSeen: number;
  openSockets: number;
}

export interface BridgeSessionsOptions {
  token: string;
  now?: () => number;
  newId: () => string;
  newToken: () => string;
}

export class BridgeSessions {
  private token: string;
  private readonly used = new Set<string>();
  private readonly sessions = new Map<string, Session>();
  private readonly now: () => number;

  constructor(private readonly opts: BridgeSessionsOptions) {
    this.token = opts.token;
    this.now = opts.now ?? Date.now;
  }

  get launchToken(): string {
    return this.token;
  }

  exchange(offered: string): Exchange {
    if (this.used.size && [...this.used].some((t) => tokensEqual(offered, t))) return { ok: false, why: 'used' };
    if (!offered || !tokensEqual(offered, this.token) || this.used.has(this.token)) return { ok: false, why: 'token' };
    this.used.add(this.token);
    const id = this.opts.newId();
    const t = this.now();
    this.sessions.set(id, { created: t, lastSeen: t, openSockets: 0 });
    return { ok: true, id, maxAgeSeconds: BRIDGE_SESSION_ABSOLUTE_MS / 1000 };
  }

  /** A fresh launch token (the old ones stay refused); for a second browser or after expiry. */
  reissue(): string {
    this.used.add(this.token);
    this.token = this.opts.newToken();
    return this.token;
  }

  check(id: string | undefined): SessionCheck {
    const s = id === undefined ? undefined : this.sessions.get(id);
    if (!s) return 'unknown';
    const t = this.now();
    const idle = s.openSockets === 0 && t - s.lastSeen >= BRIDGE_SESSION_IDLE_MS;
    if (t - s.created >= BRIDGE_SESSION_ABSOLUTE_MS || idle) {
      this.sessions.delete(id!);
      return 'expired';
    }
    return 'ok';
  }

  opened(id: string) {
    const s = this.sessions.get(id);
    if (!s) return;
    s.openSockets++;
    s.lastSeen = this.now();
  }

  closed(id: string) {
    const s = this.sessions.get(id);
    if (!s) return;
    s.openSockets = Math.max(0, s.openSockets - 1);
    s.lastSeen = this.now();
  }
}
