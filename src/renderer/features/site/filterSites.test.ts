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
    expect(filterSites(sites, '', 'en-US').map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(filterSites(sites, '', 'en-US', new Set(['a'])).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(filterSites(sites, 'north seattle', 'en-US').map((s) => s.id)).toEqual(['a']);
    expect(filterSites(sites, 'northwindtraders.com', 'en-US').map((s) => s.id)).toEqual(['a']);
    expect(filterSites(sites, '312-555', 'en-US').map((s) => s.id)).toEqual(['c']);
    expect(filterSites(sites, 'au', 'en-US').map((s) => s.id)).toEqual(['b']);
  });

  it("sorts names in the app's language: Spanish puts ñ after n, English beside it", () => {
    const named = (id: string, name: string) => ({ ...sites[0]!, id, name });
    const list = [named('1', 'Muñoz Dental'), named('2', 'Munro Legal'), named('3', 'Muoz Bakery')];
    expect(filterSites(list, '', 'en-US').map((s) => s.name)).toEqual(['Muñoz Dental', 'Munro Legal', 'Muoz Bakery']);
    expect(filterSites(list, '', 'es').map((s) => s.name)).toEqual(['Munro Legal', 'Muñoz Dental', 'Muoz Bakery']);
  });
});
