/**
 * A short last word after others ("dana r") is matched apart from MiniSearch (directorySearch.ts
 * `SHORT_WORD`): it must find exactly the records MiniSearch's own prefix match finds. A query of
 * one short word ("li") is answered by its closest completions: records MiniSearch finds, as many as
 * it finds up to the limit. Random names with accents, hyphens and apostrophes, random queries made
 * of their words (typed partly, with other case and accents) and of other words, against the same
 * directory built both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectorySearch, type DirectorySearch, type SearchKind } from './directorySearch.js';

const WORDS = ['Dana', 'Reyes', 'Müller', 'Jürgen', "O'Brien", 'Ji-woo', 'Park', 'Ríos', 'Acme', 'Dental', 'Rex', 'Ra'];
const word = fc.constantFrom(...WORDS);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

const record = fc.oneof(
  fc.record({ kind: fc.constant('site' as const), name, company: name }),
  fc.record({ kind: fc.constant('person' as const), first: word, last: word }),
  fc.record({ kind: fc.constant('reference' as const), subject: name, tags: fc.array(word, { maxLength: 2 }) }),
);
type Rec = typeof record extends fc.Arbitrary<infer T> ? T : never;

function build(records: Rec[], shortWordsApart: boolean): DirectorySearch {
  const search = createDirectorySearch({ shortWordsApart });
  records.forEach((r, i) => {
    const id = `${r.kind}${i}`;
    if (r.kind === 'site')
      search.upsertSite({ id, name: r.name, companyName: r.company, mainPhones: [], country: 'US' });
    else if (r.kind === 'person')
      search.upsertProfile({ id, siteId: 'site0', firstName: r.first, lastName: r.last, phones: [] });
    else search.upsertReference({ id, subject: r.subject, tags: r.tags });
  });
  return search;
}

/** Text as typed: as is, in lower or upper case, or without its accents. */
const typed = (text: fc.Arbitrary<string>) =>
  fc.tuple(text, fc.constantFrom('as is', 'lower', 'upper', 'unaccented')).map(([t, form]) => {
    if (form === 'lower') return t.toLowerCase();
    if (form === 'upper') return t.toUpperCase();
    if (form === 'unaccented') return t.normalize('NFD').replace(/\p{M}/gu, '');
    return t;
  });

/** What a technician types: whole words, then the start of one (1–3 letters). */
const query = typed(
  fc
    .tuple(
      fc.array(fc.oneof(word, fc.constantFrom('Dena', 'Reyse', 'Zed')), { minLength: 1, maxLength: 2 }),
      word,
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([whole, last, n]) => `${whole.join(' ')} ${last.slice(0, n)}`),
);

const found = (search: DirectorySearch, q: string, kinds?: SearchKind[]) =>
  search
    .search(q, { limit: 10_000, ...(kinds ? { kinds } : {}) })
    .map((h) => `${h.kind}:${h.id}`)
    .sort();

describe('directorySearch: a short last word matched apart', () => {
  it('finds exactly the records MiniSearch finds for it', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 40 }),
        query,
        fc.option(fc.constantFrom<SearchKind[]>(['person'], ['site', 'reference'])),
        (records, q, kinds) => {
          const apart = build(records, true);
          const together = build(records, false);
          expect(found(apart, q, kinds ?? undefined)).toEqual(found(together, q, kinds ?? undefined));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ranks by the other words and keeps to the limit', () => {
    const search = build(
      [
        { kind: 'person', first: 'Dena', last: 'Rex' },
        { kind: 'person', first: 'Dena', last: 'Park' },
        { kind: 'person', first: 'Dana', last: 'Reyes' },
        { kind: 'person', first: 'Dana', last: 'Park' },
      ],
      true,
    );
    // "dena" is one typo from "dana", as common: the exact first name ranks first.
    expect(search.search('dana r').map((h) => h.title)).toEqual(['Dana Reyes', 'Dena Rex']);
    expect(search.search('dana r', { limit: 1 }).map((h) => h.title)).toEqual(['Dana Reyes']);
    expect(search.search('Dana P').map((h) => h.title)).toEqual(['Dana Park', 'Dena Park']);
    expect(search.search('dana z')).toEqual([]);
  });

  it('answers one short word with records the MiniSearch prefix finds, as many as it finds up to the limit', () => {
    const oneWord = typed(fc.tuple(word, fc.integer({ min: 2, max: 3 })).map(([w, n]) => w.slice(0, n)));
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 40 }),
        oneWord,
        fc.integer({ min: 1, max: 15 }),
        fc.option(fc.constantFrom<SearchKind[]>(['person'], ['site', 'reference'])),
        (records, q, limit, kinds) => {
          const options = { limit, ...(kinds ? { kinds } : {}) };
          const hits = build(records, true).search(q, options);
          const all = new Set(found(build(records, false), q, kinds ?? undefined));
          const keys = hits.map((h) => `${h.kind}:${h.id}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const key of keys) expect(all).toContain(key);
          expect(keys.length).toBe(Math.min(limit, all.size));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows the closest completions of one short word first', () => {
    const search = build(
      [
        { kind: 'person', first: 'Lina', last: 'Park' },
        { kind: 'site', name: 'Lighthouse Dental', company: 'Lighthouse' },
        { kind: 'person', first: 'Li', last: 'Wei' },
        { kind: 'reference', subject: 'Lille office printer', tags: [] },
      ],
      true,
    );
    expect(search.search('Li').map((h) => h.title)).toEqual([
      'Li Wei',
      'Lina Park',
      'Lille office printer',
      'Lighthouse Dental',
    ]);
    expect(search.search('li', { limit: 2 }).map((h) => h.title)).toEqual(['Li Wei', 'Lina Park']);
    expect(search.search('LIL').map((h) => h.title)).toEqual(['Lille office printer']);
    expect(search.search('li', { kinds: ['site'] }).map((h) => h.title)).toEqual(['Lighthouse Dental']);
  });
});
