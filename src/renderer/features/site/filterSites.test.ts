import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/domain/index.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';
import { createSiteFilter } from './filterSites.js';

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

describe('createSiteFilter', () => {
  it('matches words in name, company, domain and digits of main numbers; favourites first', () => {
    expect(createSiteFilter(sites, 'en-US')('').map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(createSiteFilter(sites, 'en-US')('', new Set(['a'])).map((s) => s.id)).toEqual(['a', 'b', 'c']);
    expect(createSiteFilter(sites, 'en-US')('north seattle').map((s) => s.id)).toEqual(['a']);
    expect(createSiteFilter(sites, 'en-US')('northwindtraders.com').map((s) => s.id)).toEqual(['a']);
    expect(createSiteFilter(sites, 'en-US')('312-555').map((s) => s.id)).toEqual(['c']);
    expect(createSiteFilter(sites, 'en-US')('au').map((s) => s.id)).toEqual(['b']);
  });

  it("sorts names in the app's language: Spanish puts ñ after n, English beside it", () => {
    const named = (id: string, name: string) => ({ ...sites[0]!, id, name });
    const list = [named('1', 'Muñoz Dental'), named('2', 'Munro Legal'), named('3', 'Muoz Bakery')];
    expect(createSiteFilter(list, 'en-US')('').map((s) => s.name)).toEqual([
      'Muñoz Dental',
      'Munro Legal',
      'Muoz Bakery',
    ]);
    expect(createSiteFilter(list, 'es')('').map((s) => s.name)).toEqual(['Munro Legal', 'Muñoz Dental', 'Muoz Bakery']);
  });

  it('keeps what it prepared while the directory hands out the same sites, and takes a changed one', () => {
    const first = createSiteFilter(sites, 'en-US');
    expect(createSiteFilter([...sites], 'en-US', first)).toBe(first);
    expect(createSiteFilter([...sites], 'es', first)).not.toBe(first);
    const renamed = [
      sites[0]!,
      { ...sites[1]!, name: 'Kookaburra Bakery', companyName: 'Kookaburra Bakery' },
      sites[2]!,
    ];
    const next = createSiteFilter(renamed, 'en-US', first);
    expect(next).not.toBe(first);
    expect(next('kookaburra').map((s) => s.id)).toEqual(['b']);
    expect(next('bluebird')).toEqual([]);
    expect(first('bluebird').map((s) => s.id)).toEqual(['b']);
  });

  it('finds what a plain pass over every site finds, in the same order', () => {
    // The filter as it was before it prepared anything: fold, match and sort on every call.
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const plain = (list: Site[], filter: string, favourites: ReadonlySet<string>) => {
      const collator = nameCollator('en-US');
      const words = fold(filter).split(/\s+/).filter(Boolean);
      return list
        .filter((s) => {
          const text = fold(`${s.name} ${s.companyName} ${s.emailDomain ?? ''} ${s.country}`);
          const digits = s.mainPhones.map((n) => n.replace(/\D/g, '')).join(' ');
          return words.every((w) => {
            const d = w.replace(/\D/g, '');
            return /^[\d()+\-./]+$/.test(w) && d.length >= 3 ? digits.includes(d) : text.includes(w);
          });
        })
        .sort(
          (a, b) => Number(favourites.has(b.id)) - Number(favourites.has(a.id)) || collator.compare(a.name, b.name),
        );
    };
    const word = fc.constantFrom('Müller', 'Muller', 'Ñandú', 'North', 'wind', 'Café', 'Site 9', 'Site 10', '—', 'AU');
    const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
    const phone = fc.constantFrom('+1 206 555 0100', '(312) 555-0199', '020 7946 0000');
    const siteArb = fc.record({ name: text, company: text, phones: fc.array(phone, { maxLength: 2 }) });
    const query = fc.oneof(
      text.map((t) => t.toLowerCase().slice(0, 7)),
      fc.constantFrom('', '  ', '206', '555-01', '(312', 'mu', 'MÜLL', 'cafe', 'site 1'),
    );
    fc.assert(
      fc.property(
        fc.array(siteArb, { maxLength: 25 }),
        query,
        fc.array(fc.nat(24), { maxLength: 3 }),
        (arbs, q, favs) => {
          const list = arbs.map((a, i) => site(`s${i}`, a.name, { companyName: a.company, mainPhones: a.phones }));
          const favourites = new Set(favs.map((i) => `s${i}`));
          const ids = (l: Site[]) => l.map((s) => s.id);
          expect(ids(createSiteFilter(list, 'en-US')(q, favourites))).toEqual(ids(plain(list, q, favourites)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
