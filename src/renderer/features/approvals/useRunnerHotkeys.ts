import { useEffect, useRef } from 'react';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/**
 * Window-level shortcuts while the call runner is on screen: `Escape` always (even from a text
 * field), single keys (`1`, `a`…) only when the technician is not typing in a field.
 */
export function useRunnerHotkeys(
  keys: Record<string, (() => void) | undefined>,
  onEscape: (() => void) | undefined,
): void {
  const ref = useRef({ keys, onEscape });
  ref.current = { keys, onEscape };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.key === 'Escape') {
        if (ref.current.onEscape) {
          e.preventDefault();
          ref.current.onEscape();
        }
        return;
      }
      if (typingIn(e.target)) return;
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
