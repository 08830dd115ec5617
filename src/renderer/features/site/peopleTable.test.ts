import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/index.js';
import { filterAndSortPeople, matchesPeopleFilter } from './peopleTable.js';

const person = (
  id: string,
  firstName: string,
  lastName: string,
  extra: Partial<ClientProfile> = {},
): ClientProfile => ({
  id,
  siteId: 's1',
  firstName,
  lastName,
  phones: [],
  thinClient: false,
  psaContact: false,
  ...extra,
});

const people = [
  person('p1', 'Dana', 'Reyes', {
    email: 'dana.reyes@northwind.com',
    title: 'Finance Manager',
    psaContact: true,
    phones: [{ number: '+1 206 555 0101', type: 'mobile', provider: 'AT&T', smsGateway: '@txt.att.com' }],
  }),
  person('p2', 'Zoë', 'Ármstrong', {
    email: 'zoe@northwind.com',
    thinClient: true,
    phones: [{ number: '(206) 555-0177', type: 'office' }],
  }),
  person('p3', 'adam', 'reyes', { phones: [] }),
];
const ids = (rows: ClientProfile[]) => rows.map((p) => p.id);

describe('People table filter', () => {
  it('matches every word against name, title, email and provider, ignoring case and accents', () => {
    expect(matchesPeopleFilter(people[0]!, '')).toBe(true);
    expect(ids(filterAndSortPeople(people, { filter: 'reyes', sortBy: 'name', direction: 'asc' }, 'en-US'))).toEqual([
      'p3',
      'p1',
    ]);
    expect(
      ids(filterAndSortPeople(people, { filter: 'dana finance', sortBy: 'name', direction: 'asc' }, 'en-US')),
    ).toEqual(['p1']);
    expect(
      ids(filterAndSortPeople(people, { filter: 'zoe armstrong', sortBy: 'name', direction: 'asc' }, 'en-US')),
    ).toEqual(['p2']);
    expect(ids(filterAndSortPeople(people, { filter: 'att.com', sortBy: 'name', direction: 'asc' }, 'en-US'))).toEqual([
      'p1',
    ]);
    expect(ids(filterAndSortPeople(people, { filter: 'nobody', sortBy: 'name', direction: 'asc' }, 'en-US'))).toEqual(
      [],
    );
  });

  it('matches phone digits whatever the punctuation', () => {
    expect(ids(filterAndSortPeople(people, { filter: '555-0177', sortBy: 'name', direction: 'asc' }, 'en-US'))).toEqual(
      ['p2'],
    );
    expect(
      ids(filterAndSortPeople(people, { filter: '2065550101', sortBy: 'name', direction: 'asc' }, 'en-US')),
    ).toEqual(['p1']);
  });
});

describe('People table sort', () => {
  it('sorts by last then first name, both directions, case-insensitively', () => {
    expect(ids(filterAndSortPeople(people, { filter: '', sortBy: 'name', direction: 'asc' }, 'en-US'))).toEqual([
      'p2',
      'p3',
      'p1',
    ]);
    expect(ids(filterAndSortPeople(people, { filter: '', sortBy: 'name', direction: 'desc' }, 'en-US'))).toEqual([
      'p1',
      'p3',
      'p2',
    ]);
  });

  it('sorts by email and by flags, ties broken by name', () => {
    expect(ids(filterAndSortPeople(people, { filter: '', sortBy: 'email', direction: 'asc' }, 'en-US'))).toEqual([
      'p3',
      'p1',
      'p2',
    ]);
    expect(ids(filterAndSortPeople(people, { filter: '', sortBy: 'thinClient', direction: 'asc' }, 'en-US'))).toEqual([
      'p2',
      'p3',
      'p1',
    ]);
    expect(ids(filterAndSortPeople(people, { filter: '', sortBy: 'psaContact', direction: 'asc' }, 'en-US'))).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
  });

  it('does not change the input array', () => {
    const copy = [...people];
    filterAndSortPeople(people, { filter: '', sortBy: 'name', direction: 'desc' }, 'en-US');
    expect(people).toEqual(copy);
  });
});
