/**
 * Signing out after inactivity, as the portal this replaces does (seeds: "Your web portal session
 * times out after 15 minutes of inactivity. A message appears after 13 minutes and you have 2
 * minutes to respond before being logged out automatically."). Pure: the renderer feeds it the
 * time since the last keyboard or pointer activity in the app.
 */
export const IDLE_SIGN_OUT_MS = 15 * 60_000;
export const IDLE_WARNING_MS = 13 * 60_000;

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; remainingMs: number } | { phase: 'expired' };

export function idlePhase(idleMs: number): IdlePhase {
  if (!(idleMs >= IDLE_WARNING_MS)) return { phase: 'active' }; // also NaN / negative (clock moved back)
  if (idleMs >= IDLE_SIGN_OUT_MS) return { phase: 'expired' };
  return { phase: 'warning', remainingMs: IDLE_SIGN_OUT_MS - idleMs };
}
