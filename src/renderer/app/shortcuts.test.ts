import { describe, expect, it } from 'vitest';
import enUS from './i18n/en-US.json' with { type: 'json' };
import { isTypingTarget, SHORTCUTS } from './shortcuts.js';

describe('shortcuts', () => {
  it('every listed shortcut has an English description', () => {
    for (const s of SHORTCUTS) expect((enUS.shortcuts as Record<string, string>)[s.id]).toBeTruthy();
  });
  it('treats form fields as typing targets', () => {
    expect(isTypingTarget({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
