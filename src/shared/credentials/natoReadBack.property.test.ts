import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATO_ALPHABET, readBackGroups, readBackLine, spellCharacter } from './natoReadBack.js';

/** Test-only inverse: what a listener writes down from the words. */
function hear(word: string): string {
  const letter = /^(capital|lower) (.+)$/.exec(word);
  if (letter) {
    const i = NATO_ALPHABET.findIndex((w) => w.toLowerCase() === letter[2]!.toLowerCase());
    const ch = String.fromCharCode(65 + i);
    return letter[1] === 'capital' ? ch : ch.toLowerCase();
  }
  const cp = /^character U\+([0-9A-F]+)$/.exec(word);
  if (cp) return String.fromCodePoint(parseInt(cp[1]!, 16));
  for (let c = 0; c < 0x10000; c++) if (spellCharacter(String.fromCharCode(c)) === word) return String.fromCharCode(c);
  throw new Error(`unheard word ${word}`);
}

describe('readBackGroups', () => {
  it('spells the issue example', () => {
    expect(readBackLine(readBackGroups('aB7')[0]!)).toBe('lower alfa · capital Bravo · seven');
    expect(readBackGroups('Ab7#xY')).toEqual([
      ['capital Alfa', 'lower bravo', 'seven', 'hash'],
      ['lower x-ray', 'capital Yankee'],
    ]);
  });

  it('groups in fours, the last group holding the rest, and a listener gets the password back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (secret) => {
        const groups = readBackGroups(secret);
        expect(groups.length).toBe(Math.ceil(secret.length / 4));
        groups.slice(0, -1).forEach((g) => expect(g).toHaveLength(4));
        expect(groups.flat().map(hear).join('')).toBe(secret);
      }),
    );
  });

  it('never says a letter without its case, and says every digit as a word', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,24}$/), (secret) => {
        for (const [i, word] of readBackGroups(secret).flat().entries()) {
          const ch = secret[i]!;
          if (/[A-Za-z]/.test(ch)) expect(word).toMatch(/^(capital|lower) /);
          else expect(word).toMatch(/^[a-z]+$/);
        }
      }),
    );
  });
});
