import { describe, expect, it } from 'vitest';
import { fnv1a } from './fnv1a.js';

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values, and hashes a range like the substring', () => {
    expect(fnv1a('') >>> 0).toBe(0x811c9dc5);
    expect(fnv1a('a') >>> 0).toBe(0xe40c292c);
    expect(fnv1a('foobar') >>> 0).toBe(0xbf9cf968);
    expect(fnv1a('xx+12065550100yy', 2, 14)).toBe(fnv1a('+12065550100'));
  });
});
