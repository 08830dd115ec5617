/**
 * Signing out after inactivity, as the portal this replaces does (seeds: "Your web portal session
 * times out after 15 minutes of inactivity. A message appears after 13 minutes and you have 2
 * minutes to respond before being logged out automatically."). Pure: the renderer feeds it the
 * time since the last keyboard or pointer activity in the app.
 */
export const IDLE_SIGN_OUT_MS = 15 * 60_000;
export const IDLE_WARNING_MS = 13 * 60_000;

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; remainingMs: number } | { phase: 'expired' };

/**
 * `signOutMs` is the desk's setting (1–15 minutes, Settings.idleSignOutMinutes); the warning comes 2
 * minutes before, or halfway for sign-outs shorter than 4 minutes so it is never the whole time.
 */
export function idlePhase(idleMs: number, signOutMs: number = IDLE_SIGN_OUT_MS): IdlePhase {
  const warningMs = signOutMs - Math.min(IDLE_SIGN_OUT_MS - IDLE_WARNING_MS, signOutMs / 2);
  if (!(idleMs >= warningMs)) return { phase: 'active' }; // also NaN / negative (clock moved back)
  if (idleMs >= signOutMs) return { phase: 'expired' };
  return { phase: 'warning', remainingMs: signOutMs - idleMs };
}
