import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText } from './foldText.js';

describe('foldText', () => {
  it('lowers case and strips accents', () => {
    expect(foldText('Jürgen MÜLLER')).toBe('jurgen muller');
    expect(foldText('Ñandú — Café')).toBe('nandu — cafe');
    expect(foldText('Dana Reyes')).toBe('dana reyes');
  });

  it('gives what the full normalisation gives, for any text (the ASCII path is only a shortcut)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(foldText(text)).toBe(text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
      }),
      { numRuns: 500 },
    );
  });
});
