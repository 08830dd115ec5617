import { describe, expect, it } from 'vitest';
import { createDirectorySearch } from './directorySearch.js';

function directory() {
  const search = createDirectorySearch();
  search.upsertSite({
    id: 's1',
    name: 'Acme Dental – Seattle',
    companyName: 'Acme Dental',
    mainPhones: ['(206) 555-0100'],
    country: 'US',
  });
  search.upsertSite({
    id: 's2',
    name: 'Globex London',
    companyName: 'Globex Corporation',
    mainPhones: ['020 7946 0000'],
    country: 'GB',
  });
  search.upsertProfile({
    id: 'p1',
    siteId: 's1',
    firstName: 'Dana',
    lastName: 'Reyes',
    email: 'dana.reyes@acme.com',
    phones: [{ number: '206 555 0101 ext 4', type: 'office' }],
  });
  search.upsertProfile({
    id: 'p2',
    siteId: 's2',
    firstName: 'Jürgen',
    lastName: 'Müller',
    email: 'jm@globex.co.uk',
    phones: [{ number: '07700 900123', type: 'mobile' }],
  });
  search.upsertReference({ id: 'r1', subject: 'Outlook keeps asking for password', tags: ['outlook', 'mfa'] });
  search.upsertReference({ id: 'r2', subject: 'VPN disconnects every hour', tags: ['vpn'] });
  return search;
}

const ids = (hits: Array<{ kind: string; id: string }>) => hits.map((h) => `${h.kind}:${h.id}`);

describe('directorySearch: text', () => {
  it('finds sites, people and references by prefix, with kinds and subtitles', () => {
    const search = directory();
    expect(ids(search.search('acme'))).toEqual(expect.arrayContaining(['site:s1', 'person:p1']));
    expect(search.search('dana')[0]).toMatchObject({
      kind: 'person',
      id: 'p1',
      title: 'Dana Reyes',
      subtitle: 'Acme Dental – Seattle',
      siteId: 's1',
      matchedBy: 'text',
    });
    expect(ids(search.search('outl'))).toEqual(['reference:r1']);
    expect(search.search('outl')[0]).toMatchObject({
      title: 'Outlook keeps asking for password',
      subtitle: 'outlook, mfa',
    });
    expect(ids(search.search('mfa'))).toEqual(['reference:r1']);
    expect(ids(search.search('glob'))).toEqual(expect.arrayContaining(['site:s2']));
  });

  it('tolerates typos in names and ignores accents and case', () => {
    const search = directory();
    expect(ids(search.search('Dena Reyes'))).toContain('person:p1');
    expect(ids(search.search('reyez'))).toContain('person:p1');
    expect(ids(search.search('muller'))).toEqual(['person:p2']);
    expect(ids(search.search('JURGEN'))).toEqual(['person:p2']);
    expect(ids(search.search('Globx'))).toContain('site:s2');
  });

  it('finds a name with two neighbouring letters swapped (issue 14: "dana reyse")', () => {
    const search = directory();
    expect(ids(search.search('dana reyse'))).toEqual(['person:p1']);
    expect(ids(search.search('dnaa reyes'))).toEqual(['person:p1']);
    expect(ids(search.search('reyse'))).toContain('person:p1');
    expect(ids(search.search('dana reyse globex'))).toEqual([]);
  });

  it('requires every word and finds people by email', () => {
    const search = directory();
    expect(ids(search.search('dana reyes'))).toEqual(['person:p1']);
    expect(ids(search.search('dana globex'))).toEqual([]);
    expect(ids(search.search('dana.reyes@acme'))).toEqual(['person:p1']);
    expect(ids(search.search('jm@globex'))).toEqual(['person:p2']);
  });

  it('filters by kind and honours the limit', () => {
    const search = directory();
    expect(ids(search.search('acme', { kinds: ['site'] }))).toEqual(['site:s1']);
    expect(ids(search.search('acme', { kinds: ['person', 'reference'] }))).toEqual(['person:p1']);
    expect(search.search('acme', { limit: 1 })).toHaveLength(1);
    expect(search.search('   ')).toEqual([]);
  });
});

describe('directorySearch: phone digits', () => {
  it('matches any run of 4+ consecutive digits, as typed or international', () => {
    const search = directory();
    expect(ids(search.search('0101'))).toEqual(['person:p1']);
    expect(ids(search.search('(206) 555'))).toEqual(['site:s1', 'person:p1']);
    expect(ids(search.search('+1 206 555 0101'))).toEqual(['person:p1']);
    expect(ids(search.search('7946'))).toEqual(['site:s2']);
    expect(ids(search.search('+44 20 7946'))).toEqual(['site:s2']);
    expect(ids(search.search('07700 900'))).toEqual(['person:p2']);
    expect(search.search('0101')[0]).toMatchObject({ matchedBy: 'phone', score: 1 });
  });

  it('does not match extensions, and ignores phone kinds when filtered out', () => {
    const search = directory();
    expect(ids(search.search('01014'))).toEqual([]);
    expect(ids(search.search('2065', { kinds: ['site'] }))).toEqual(['site:s1']);
  });
});

describe('directorySearch: incremental updates', () => {
  it('replaces a record: old name, email and numbers stop matching', () => {
    const search = directory();
    search.upsertProfile({
      id: 'p1',
      siteId: 's1',
      firstName: 'Dana',
      lastName: 'Okafor',
      email: 'dana.okafor@acme.com',
      phones: [{ number: '206 555 0188', type: 'office' }],
    });
    expect(ids(search.search('reyes'))).toEqual([]);
    expect(ids(search.search('okafor'))).toEqual(['person:p1']);
    expect(ids(search.search('0101'))).toEqual([]);
    expect(ids(search.search('0188'))).toEqual(['person:p1']);
    expect(search.size).toBe(6);
  });

  it('removes sites, people and references', async () => {
    const search = directory();
    search.removeSite('s1');
    search.removeProfile('p2');
    search.removeReference('r2');
    await search.vacuum();
    expect(ids(search.search('acme'))).toEqual(['person:p1']);
    expect(search.search('acme')[0]!.subtitle).toBeUndefined(); // its site is gone
    expect(ids(search.search('muller'))).toEqual([]);
    expect(ids(search.search('vpn'))).toEqual([]);
    expect(ids(search.search('0100'))).toEqual([]);
    expect(search.size).toBe(3);
  });

  it('renaming a site shows in its people without re-indexing them', () => {
    const search = directory();
    search.upsertSite({
      id: 's1',
      name: 'Acme Dental – Tacoma',
      companyName: 'Acme Dental',
      mainPhones: ['(206) 555-0100'],
      country: 'US',
    });
    expect(search.search('dana')[0]!.subtitle).toBe('Acme Dental – Tacoma');
    expect(ids(search.search('tacoma'))).toEqual(['site:s1']);
    expect(ids(search.search('seattle'))).toEqual([]);
  });
});
