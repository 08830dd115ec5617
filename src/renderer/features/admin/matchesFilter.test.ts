import { describe, expect, it } from 'vitest';
import { matchesFilter } from './matchesFilter.js';

describe('matchesFilter', () => {
  it('matches every word somewhere in the fields, ignoring case and accents', () => {
    expect(matchesFilter('', 'anything')).toBe(true);
    expect(matchesFilter('tess', 'Tess Tech', 'tech@callsign.demo')).toBe(true);
    expect(matchesFilter('TECH linux', 'Tess Tech', 'Desk 4', 'linux')).toBe(true);
    expect(matchesFilter('josé', 'Jose Núñez')).toBe(true);
    expect(matchesFilter('tech mac', 'Tess Tech', 'linux')).toBe(false);
  });
});
