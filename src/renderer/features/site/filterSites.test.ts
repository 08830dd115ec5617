import { describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/domain/index.js';
import { filterSites } from './filterSites.js';

const site = (id: string, name: string, extra: Partial<Site> = {}): Site => ({
  id,
  name,
  companyName: name.split(' — ')[0]!,
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
  country: 'US',
  ...extra,
});
const sites = [
  site('a', 'Northwind Traders — Seattle', { mainPhones: ['+1 206 555 0100'], emailDomain: 'northwindtraders.com' }),
  site('b', 'Bluebird Bakery', { country: 'AU' }),
  site('c', 'Fabrikam — Chicago', { mainPhones: ['(312) 555-0199'] }),
];

describe('filterSites', () => {
  it('matches words in name, company, domain and digits of main numbers; favourites first', () => {
    expect(filterSites(sites, '').map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(filterSites(sites, '', new Set(['a'])).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(filterSites(sites, 'north seattle').map((s) => s.id)).toEqual(['a']);
    expect(filterSites(sites, 'northwindtraders.com').map((s) => s.id)).toEqual(['a']);
    expect(filterSites(sites, '312-555').map((s) => s.id)).toEqual(['c']);
    expect(filterSites(sites, 'au').map((s) => s.id)).toEqual(['b']);
  });
});
