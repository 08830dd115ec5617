import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalDetail, ApprovalPage, CheckoutReviewList } from '../../shared/audit/index.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { checkout, createAccount, OTHER_SITE } from '../vault/testing/vaultTestkit.js';
import { storeReviewRecord } from './reviewRecords.testkit.js';

let t: TestApp;
let sup: string;
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: bearer(sup) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const detail = async (id: string) => ApprovalDetail.parse(await get(`/v1/approvals/${id}`));

beforeAll(async () => {
  t = await createTestApp();
  sup = (await t.login('supervisor@callsign.demo')).accessToken;
});
afterAll(() => t.close());

describe('re-check with the rules in force at the time', () => {
  it('a rule changed after the record does not flag it; a record after the change is checked by the new rule', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const before = await storeReviewRecord(t, { createdAt: hourAgo, technicianEmail: 'admin@callsign.demo' });
    expect((await detail(before.id)).flags).toEqual([]);

    // Northwind drops Morgan Lee from its password-reset approvers (now).
    const northwind = FIXTURE_POLICIES.find((p) => p.siteId === 'site-northwind')!;
    const reset = northwind.policies.password_reset!;
    await t.services.approvals.policies.put({
      ...northwind,
      policies: { ...northwind.policies, password_reset: { ...reset, approvers: reset.approvers.slice(1) } },
    });

    const again = await detail(before.id);
    expect(again.flags).toEqual([]);
    expect(again.recheck).toMatchObject({ matches: true, rulesOutcome: 'approval_required' });
    expect(again.recheck.policyVersion?.validFrom).toBe(new Date(0).toISOString());
    expect(again.item.approverName).toBe('Morgan Lee');

    // A device that had not synced yet: Morgan Lee approves a record made after the change.
    const after = await storeReviewRecord(t, {
      createdAt: new Date(Date.now() + 15 * 60_000).toISOString(), // its events start 10 minutes before
      technicianEmail: 'admin@callsign.demo',
      decision: before.decision, // its events (made from this decision) are timed after the change too
    });
    const flagged = await detail(after.id);
    expect(flagged.flags.map((f) => f.code)).toContain('approver_not_listed');
    expect(flagged.recheck.policyVersion!.validFrom > new Date(0).toISOString()).toBe(true);
    const list = ApprovalPage.parse(await get('/v1/approvals?flag=approver_not_listed'));
    expect(list.items.map((i) => i.id)).toEqual([after.id]);
  });
});

describe('unusual volume', () => {
  it("flags the records of a day beyond 3× the technician's median per active day, not the days before", async () => {
    const day = (d: number, h: number) => new Date(Date.UTC(2026, 0, d, h)).toISOString();
    const ids: string[] = [];
    for (let d = 1; d <= 6; d++)
      for (let i = 0; i < 2; i++)
        ids.push((await storeReviewRecord(t, { createdAt: day(d, 8 + i), technicianEmail: 'noc@callsign.demo' })).id);
    for (let i = 0; i < 7; i++)
      ids.push((await storeReviewRecord(t, { createdAt: day(7, 8 + i), technicianEmail: 'noc@callsign.demo' })).id);
    const flagged = ApprovalPage.parse(await get('/v1/approvals?flag=unusual_volume&sort=time_asc'));
    // Median 2 per day: the 7th record of Jan 7 is the first above 6 (3 × 2); the quiet days stay clean.
    expect(flagged.items.map((i) => i.id)).toEqual([ids[ids.length - 1]]);
    const d = await detail(ids[ids.length - 1]!);
    expect(d.flags.find((f) => f.code === 'unusual_volume')).toMatchObject({ params: { median: 2, factor: 3 } });
    // The 6th record of that day was not unusual when stored; the 7th coming later does not change that.
    expect((await detail(ids[ids.length - 2]!)).flags).toEqual([]);
  });
});

describe('credential check-outs', () => {
  it('flags a check-out without an approval where the site requires one, and a wrong-site check-out; not a linked one', async () => {
    const admin = (await t.login('admin@callsign.demo')).accessToken;
    const noc = (await t.login('noc@callsign.demo')).accessToken;
    const a = await createAccount(t, admin, { username: 'svc-review-a' });
    const b = await createAccount(t, admin, { username: 'svc-review-b' });
    const c = await createAccount(t, admin, { username: 'svc-review-c' });
    const nocUser = (await t.services.users.findByEmail('noc@callsign.demo'))!;
    const approval = await storeReviewRecord(t, {
      createdAt: new Date().toISOString(),
      technicianEmail: 'noc@callsign.demo',
    });
    expect((await checkout(t, noc, a.id)).statusCode).toBe(201);
    expect((await checkout(t, noc, b.id, { approvalId: approval.id })).statusCode).toBe(201);
    expect(
      (await checkout(t, noc, c.id, { approvalId: approval.id, callerSiteId: OTHER_SITE, wrongSiteConfirmed: true }))
        .statusCode,
    ).toBe(201);
    const list = CheckoutReviewList.parse(await get(`/v1/approvals/checkouts?userId=${nocUser.id}`));
    const flagsOf = (id: string) => list.items.find((i) => i.credentialId === id)!.flags.map((f) => f.code);
    expect(flagsOf(a.id)).toEqual(['checkout_without_approval']);
    expect(flagsOf(b.id)).toEqual([]);
    expect(flagsOf(c.id)).toEqual(['checkout_wrong_site']);
    const onlyFlagged = CheckoutReviewList.parse(await get('/v1/approvals/checkouts?flagged=true'));
    expect(onlyFlagged.items.map((i) => i.credentialId).sort()).toEqual([a.id, c.id].sort());
    expect(JSON.stringify(list)).not.toContain('Initial-Secret-1');
    // The approval's timeline lists the check-outs that link it.
    expect((await detail(approval.id)).checkouts.map((x) => x.credentialId).sort()).toEqual([b.id, c.id].sort());
    const stats = await get('/v1/approvals/stats');
    expect(stats.checkoutsByUser).toContainEqual({ userId: nocUser.id, name: 'Nico Noc', count: 3, flagged: 2 });
  });
});
