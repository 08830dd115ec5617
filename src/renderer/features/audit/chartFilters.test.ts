import { describe, expect, it } from 'vitest';
import { filterForPick, toMinutes } from './chartFilters.js';

describe('filterForPick', () => {
  const base = { siteId: 's1', flagged: true } as const;
  it('a day bar segment sets that UTC day and outcome, keeping the other filters', () => {
    expect(filterForPick(base, { chart: 'perDay', day: '2026-03-02', outcome: 'tier4' })).toEqual({
      siteId: 's1',
      flagged: true,
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
      outcome: 'tier4',
    });
    expect(filterForPick({}, { chart: 'perDay', day: '2026-03-02', outcome: 'nonsense' })).not.toHaveProperty(
      'outcome',
    );
  });
  it('a time-to-decision point sets the day; site, technician and check-out bars set the person or site', () => {
    expect(filterForPick({}, { chart: 'timeToDecision', day: '2026-03-02' })).toEqual({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-03T00:00:00.000Z',
    });
    expect(filterForPick(base, { chart: 'escalations', siteId: 's9' })).toEqual({ siteId: 's9', flagged: true });
    expect(filterForPick(base, { chart: 'technicians', technicianId: 'u1' })).toMatchObject({ technicianId: 'u1' });
    expect(filterForPick({}, { chart: 'checkouts', userId: 'u4' })).toEqual({ technicianId: 'u4' });
  });
  it('shows milliseconds as minutes', () => {
    expect(toMinutes(90_000)).toBe(1.5);
    expect(toMinutes(null)).toBeNull();
  });
});
