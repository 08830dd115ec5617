import { describe, expect, it } from 'vitest';
import { DigitIndex } from './digitIndex.js';

describe('DigitIndex', () => {
  it('finds any run of 4+ digits anywhere in a number', () => {
    const index = new DigitIndex();
    index.set('a', ['12065550101']);
    index.set('b', ['442079460958', '02079460958']);
    expect(index.search('2065', 10)).toEqual(['a']);
    expect(index.search('0101', 10)).toEqual(['a']);
    expect(index.search('5550101', 10)).toEqual(['a']);
    expect(index.search('7946', 10)).toEqual(['b']);
    expect(index.search('020794', 10)).toEqual(['b']);
    expect(index.search('9999', 10)).toEqual([]);
    expect(index.search('206', 10)).toEqual([]); // under 4 digits
  });

  it('needs the digits to be consecutive, not merely all present', () => {
    const index = new DigitIndex();
    index.set('a', ['12065550101']);
    expect(index.search('20655501', 10)).toEqual(['a']);
    expect(index.search('2065 0101'.replace(' ', ''), 10)).toEqual([]);
  });

  it('returns each record once, honours the limit and the filter', () => {
    const index = new DigitIndex();
    index.set('a', ['12065550101', '12065550102']);
    index.set('b', ['12065550103']);
    index.set('c', ['12065550104']);
    expect(index.search('5550', 10)).toEqual(['a', 'b', 'c']);
    expect(index.search('5550', 2)).toEqual(['a', 'b']);
    expect(index.search('5550', 10, (id) => id !== 'b')).toEqual(['a', 'c']);
  });

  it('replaces and removes records, and stays correct across compaction', () => {
    const index = new DigitIndex();
    for (let i = 0; i < 30_000; i++) index.set(`r${i}`, [`1206${String(i).padStart(7, '0')}`]);
    index.set('r1', ['447700900123']);
    expect(index.search('12060000001', 5)).toEqual([]);
    expect(index.search('7700900', 5)).toEqual(['r1']);
    for (let i = 2; i < 25_000; i++) index.remove(`r${i}`); // triggers compaction
    expect(index.size).toBe(5_002);
    expect(index.search('12060000000', 5)).toEqual(['r0']);
    expect(index.search('12060029999', 5)).toEqual(['r29999']);
    expect(index.search('12060000002', 5)).toEqual([]);
    expect(index.search('7700900', 5)).toEqual(['r1']);
  });
});
