import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary.js';

describe('Vocabulary', () => {
  it('keeps each word once and lists the completions of a prefix in order', () => {
    const v = new Vocabulary();
    for (const w of ['lina', 'li', 'lille', 'lina', '', 'mia', 'lighthouse']) v.add(w);
    expect(v.size).toBe(5);
    expect(v.completions('li')).toEqual(['li', 'lighthouse', 'lille', 'lina']);
    expect(v.completions('lil')).toEqual(['lille']);
    expect(v.completions('x')).toEqual([]);
    v.add('liam'); // merged into the sorted words on the next query
    expect(v.completions('li')).toEqual(['li', 'liam', 'lighthouse', 'lille', 'lina']);
  });

  it('merges a load of new words (one sort) the same as a few (insertion)', () => {
    const words = Array.from({ length: 1000 }, (_, i) => `w${(i * 7919) % 1000}`);
    const bulk = new Vocabulary();
    words.forEach((w) => bulk.add(w));
    const few = new Vocabulary();
    words.forEach((w) => (few.add(w), few.completions('w9')));
    expect(bulk.completions('w')).toEqual([...new Set(words)].sort());
    expect(few.completions('w')).toEqual(bulk.completions('w'));
    expect(bulk.completions('w99')).toEqual([
      'w99',
      'w990',
      'w991',
      'w992',
      'w993',
      'w994',
      'w995',
      'w996',
      'w997',
      'w998',
      'w999',
    ]);
  });
});
