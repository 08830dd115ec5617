import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../../app/shortcuts.js';

/**
 * Window-level single-key shortcuts while the call runner is on screen (`1`, `a`…), only when the
 * technician is not typing in a field and no dialog is open. `Escape` is deliberately not handled
 * here: Esc closes what is open (a dialog, a menu) and never ends a request (UX.md principle 8).
 */
export function useRunnerHotkeys(keys: Record<string, (() => void) | undefined>, enabled = true): void {
  const ref = useRef({ keys, enabled });
  ref.current = { keys, enabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!ref.current.enabled || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target)) return;
      const fn = ref.current.keys[e.key.toLowerCase()];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
