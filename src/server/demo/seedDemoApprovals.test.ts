import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/createTestApp.js';
import { seedDemoApprovals } from './seedDemoApprovals.js';

let t: TestApp;
afterEach(() => t?.close());

describe('demo approval records', () => {
  it('gives the review two weeks of records by two technicians, two of them flagged at Northwind by Taylor Tech, once', async () => {
    t = await createTestApp();
    const now = Date.UTC(2026, 10, 30, 12);
    expect(await seedDemoApprovals(t.services, now)).toBe(58);
    expect(await seedDemoApprovals(t.services, now)).toBe(0);
    const all = await t.services.approvals.review.list({ sort: 'time_desc', limit: 500 });
    expect(all.items).toHaveLength(58);
    const northwindTechs = new Set(
      all.items.filter((i) => i.site.id === 'site-northwind').map((i) => i.technician.name),
    );
    expect([...northwindTechs].sort()).toEqual(['Nico Noc', 'Taylor Tech']);
    const flagged = all.items.filter((i) => i.flags.length > 0);
    expect(
      flagged.map((i) => [
        i.site.id,
        i.technician.name,
        i.flags.filter((f) => f !== 'outcome_differs' && f !== 'caller_not_authenticated'),
      ]),
    ).toEqual([
      ['site-northwind', 'Taylor Tech', ['proceeded_without_approver']],
      ['site-northwind', 'Taylor Tech', ['approver_not_listed']],
    ]);
    expect(new Set(all.items.map((i) => i.outcome)).size).toBeGreaterThanOrEqual(3);
  });
});
