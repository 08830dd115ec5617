/**
 * The login window's countdown: how long a lease has left and how it reads on screen ("2:59").
 * Seconds round up so the display reaches 0:00 only when the window is really over.
 */

export function remainingMs(expiresAt: string | number, now: number): number {
  const end = typeof expiresAt === 'number' ? expiresAt : Date.parse(expiresAt);
  return Number.isFinite(end) ? Math.max(0, end - now) : 0;
}

/** `m:ss` (or `h:mm:ss` from one hour), rounding partial seconds up. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Whole minutes of a window, for "You have 3 minutes to log in" before the secret is shown. */
export function windowMinutes(ms: number): number {
  return Math.max(1, Math.round(ms / 60000));
}
