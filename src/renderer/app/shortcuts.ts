/** The app's keyboard shortcuts, listed by `?` (the keys themselves are handled where they act). */
export const SHORTCUTS = [
  { id: 'focusLookup', keys: 'Ctrl+K / ⌘K' },
  { id: 'clearLookup', keys: 'Esc' },
  { id: 'moveResults', keys: '↑ ↓  Enter' },
  { id: 'dialResult', keys: '1 2 3 4' },
  { id: 'confirm', keys: 'Enter' },
  { id: 'cancel', keys: 'Esc' },
  { id: 'cancelRequest', keys: 'C' },
  { id: 'clipboardLookup', keys: 'Ctrl+Shift+L' },
  { id: 'help', keys: '?' },
] as const;

/** True while the user types into a field, where `?` is just a character. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return Boolean(
    el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'),
  );
}
