import { describe, expect, it } from 'vitest';
import { dayRange, filterFromSearch, setFilterKey, withFilter } from './approvalFilterParams.js';

describe('approval filter in the route', () => {
  it('reads every filter from the query and writes it back the same', () => {
    const query =
      'from=2026-03-01T00%3A00%3A00.000Z&to=2026-03-02T00%3A00%3A00.000Z&siteId=s1&technicianId=u1&action=user.create_aduc' +
      '&category=password_reset&outcome=tier4&finalState=escalated_tier4&ticket=T-1&q=urgent&flagged=true&flag=approver_not_listed';
    const filter = filterFromSearch(new URLSearchParams(query));
    expect(filter).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-02T00:00:00.000Z',
      siteId: 's1',
      technicianId: 'u1',
      action: 'user.create_aduc',
      category: 'password_reset',
      outcome: 'tier4',
      finalState: 'escalated_tier4',
      ticket: 'T-1',
      q: 'urgent',
      flagged: true,
      flag: 'approver_not_listed',
    });
    expect(filterFromSearch(withFilter(new URLSearchParams(), filter))).toEqual(filter);
  });

  it('drops values the schema refuses and keeps non-filter keys when writing', () => {
    expect(
      filterFromSearch(new URLSearchParams('outcome=maybe&from=yesterday&flag=x&siteId=s2&flagged=false')),
    ).toEqual({ siteId: 's2' });
    const next = withFilter(new URLSearchParams('record=r1&siteId=old'), { technicianId: 'u2' });
    expect(next.toString()).toBe('record=r1&technicianId=u2');
  });

  it('sets and clears one key, and turns a stats day into a [from, to) range', () => {
    expect(setFilterKey({ siteId: 's1' }, 'flagged', true)).toEqual({ siteId: 's1', flagged: true });
    expect(setFilterKey({ siteId: 's1', flagged: true }, 'flagged', false)).toEqual({ siteId: 's1' });
    expect(setFilterKey({ siteId: 's1' }, 'siteId', undefined)).toEqual({});
    expect(dayRange('2026-03-01')).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' });
  });
});
