/**
 * Signs out after the desk's idle time (Settings.idleSignOutMinutes, at most and by default 15
 * minutes) without keyboard or pointer activity in the app, with a warning 2 minutes before
 * (src/shared/auth/idleTimeout.ts). While the warning shows, only an explicit answer
 * ("Stay signed in") counts — a mouse drifting across the screen is not someone at the desk. The
 * sign-out reloads onto the sign-in screen with a notice; the offline cache and any approval
 * records waiting to upload stay (unlike a remote wipe).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { idlePhase, type IdlePhase } from '../../../shared/auth/idleTimeout.js';
import { useServices } from '../../app/useServices.js';
import { useSettings } from '../settings/useSettings.js';

export const IDLE_FLAG = 'idle';
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const TICK_MS = 1000;

export function useIdleSignOut(now: () => number = Date.now): {
  phase: IdlePhase;
  stay: () => void;
  signOut: () => void;
} {
  const { api } = useServices();
  const signOutMs = (useSettings().data?.idleSignOutMinutes ?? 15) * 60_000;
  const lastActivity = useRef(now());
  const [phase, setPhase] = useState<IdlePhase>({ phase: 'active' });
  const warning = phase.phase === 'warning';

  const signOut = useCallback(() => {
    void api
      .invoke('session.logout', {})
      // Offline: main has forgotten the tokens either way; the server's session expires on its own.
      .catch((err: unknown) => console.warn('Callsign: idle sign-out could not reach the server', err))
      .finally(() => {
        location.hash = `#/?${IDLE_FLAG}=1`;
        location.reload();
      });
  }, [api]);

  const stay = useCallback(() => {
    lastActivity.current = now();
    setPhase({ phase: 'active' });
  }, [now]);

  useEffect(() => {
    if (warning) return; // see the file comment
    const touch = () => (lastActivity.current = now());
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true, capture: true });
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, [warning, now]);

  useEffect(() => {
    const timer = setInterval(() => {
      const next = idlePhase(now() - lastActivity.current, signOutMs);
      if (next.phase === 'expired') {
        clearInterval(timer);
        signOut();
      }
      setPhase((prev) => (prev.phase === next.phase && next.phase === 'active' ? prev : next));
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [now, signOut, signOutMs]);

  return { phase, stay, signOut };
}
