import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalDetail, ApprovalPage, ApprovalStats, CheckoutReviewList } from '../../shared/audit/index.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { storeReviewRecord } from './reviewRecords.testkit.js';

let t: TestApp;
let sup: string;
const ids: Record<string, string> = {};

const get = (url: string, token = sup) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
const page = async (query: string) => {
  const res = await get(`/v1/approvals?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return ApprovalPage.parse(res.json());
};
const idsOf = async (query: string) => (await page(query)).items.map((i) => i.id).sort();

beforeAll(async () => {
  t = await createTestApp();
  sup = (await t.login('supervisor@callsign.demo')).accessToken;
  // Six records over three days, two technicians, three sites, mixed outcomes.
  ids.clean = (
    await storeReviewRecord(t, { createdAt: '2026-03-01T10:00:00Z', ticket: 'T-1', note: 'Reset done for payroll' })
  ).id;
  ids.walkthrough = (
    await storeReviewRecord(t, { createdAt: '2026-03-01T11:00:00Z', action: 'password.self_change_walkthrough' })
  ).id;
  ids.tier4 = (
    await storeReviewRecord(t, {
      createdAt: '2026-03-02T09:00:00Z',
      action: 'software.install',
      request: { target: 'server', software: 'Notepad++' },
      ticket: 'T-2',
      note: 'server box',
    })
  ).id;
  ids.noc = (
    await storeReviewRecord(t, {
      createdAt: '2026-03-02T12:00:00Z',
      technicianEmail: 'noc@callsign.demo',
      siteId: 'site-contoso-london',
      action: 'user.create_aduc',
    })
  ).id;
  ids.fabrikam = (
    await storeReviewRecord(t, {
      createdAt: '2026-03-03T08:00:00Z',
      siteId: 'site-fabrikam',
      action: 'permission.aduc_group',
    })
  ).id;
  // A device that let the work proceed although the rules require an approver.
  ids.skipped = (
    await storeReviewRecord(t, {
      createdAt: '2026-03-03T09:00:00Z',
      decision: { outcome: 'proceed', steps: [], reasons: ['(edited on the device)'] },
      events: [],
      finalState: 'completed',
      ticket: 'T-3',
    })
  ).id;
});
afterAll(() => t.close());

describe('GET /v1/approvals', () => {
  it('lists every record newest first with names, and pages by keyset without gaps or repeats', async () => {
    const all = await page('limit=500');
    expect(all.items.map((i) => i.id)).toEqual([
      ids.skipped,
      ids.fabrikam,
      ids.noc,
      ids.tier4,
      ids.walkthrough,
      ids.clean,
    ]);
    expect(all.nextCursor).toBeNull();
    const clean = all.items.find((i) => i.id === ids.clean)!;
    expect(clean).toMatchObject({
      site: { id: 'site-northwind', name: expect.stringMatching(/Northwind/) },
      technician: { name: 'Taylor Tech' },
      callerName: 'Dana Reyes',
      action: 'password.reset',
      category: 'password_reset',
      outcome: 'approval_required',
      finalState: 'approved',
      ticket: 'T-1',
      approverName: 'Morgan Lee',
      flags: [],
    });
    expect(clean.decisionMs).toBeGreaterThan(0);
    for (const sort of ['time_desc', 'time_asc']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: ApprovalPage = await page(`limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...p.items.map((i) => i.id));
        cursor = p.nextCursor;
      } while (cursor);
      expect(seen).toEqual(sort === 'time_desc' ? all.items.map((i) => i.id) : all.items.map((i) => i.id).reverse());
    }
  });

  it('filters by every field', async () => {
    const nocId = (await t.services.users.findByEmail('noc@callsign.demo'))!.id;
    expect(await idsOf('siteId=site-fabrikam')).toEqual([ids.fabrikam]);
    expect(await idsOf(`technicianId=${nocId}`)).toEqual([ids.noc]);
    expect(await idsOf('action=password.self_change_walkthrough')).toEqual([ids.walkthrough]);
    expect(await idsOf('category=permission_change')).toEqual([ids.fabrikam]);
    expect(await idsOf('outcome=tier4')).toEqual([ids.tier4]);
    expect(await idsOf('outcome=escalate_partner')).toEqual([ids.noc]);
    expect(await idsOf('finalState=completed')).toEqual([ids.walkthrough, ids.skipped].sort());
    expect(await idsOf('ticket=T-2')).toEqual([ids.tier4]);
    expect(await idsOf('q=PAYROLL')).toEqual([ids.clean]);
    expect(await idsOf('q=%25')).toEqual([]); // a LIKE wildcard is text, not "anything"
    expect(await idsOf('from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z')).toEqual([ids.tier4, ids.noc].sort());
    expect(await idsOf('flagged=true')).toEqual([ids.skipped]);
    expect(await idsOf('flagged=false')).not.toContain(ids.skipped);
    expect(await idsOf('flag=proceeded_without_approver')).toEqual([ids.skipped]);
    expect(await idsOf('flag=unusual_volume')).toEqual([]);
    expect(await idsOf('siteId=site-northwind&outcome=approval_required&ticket=T-1')).toEqual([ids.clean]);
  });

  it('refuses a cursor it did not make and a bad filter, naming the field', async () => {
    const bad = await get('/v1/approvals?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'bad_request', field: 'cursor' });
    expect((await get('/v1/approvals?outcome=maybe')).statusCode).toBe(400);
  });
});

describe('GET /v1/approvals/:id', () => {
  it('returns the timeline in order, the re-check, the chain position and no flags for a clean record', async () => {
    const res = await get(`/v1/approvals/${ids.clean}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = ApprovalDetail.parse(res.json());
    expect(d.timeline.map((e) => e.kind)).toEqual([
      'requested',
      'rules',
      'caller_code_sent',
      'caller_code_checked',
      'dialed',
      'approver_code_checked',
      'decided',
      'finished',
      'uploaded',
    ]);
    expect(JSON.stringify(d)).not.toMatch(/"code":"\d{6}"/);
    expect(d.recheck).toMatchObject({
      recordedOutcome: 'approval_required',
      rulesOutcome: 'approval_required',
      matches: true,
    });
    expect(d.recheck.reasonCodes?.length).toBe(d.recheck.reasons.length);
    expect(d.flags).toEqual([]);
    expect(d.chain).toMatchObject({ seq: 1, hash: d.record.hash });
    const audit = await t.get<{ type: string; subject: string }>(
      'select type, subject from audit_log where seq = ?',
      d.chain.auditSeq,
    );
    expect(audit).toEqual({ type: 'approval.stored', subject: ids.clean });
  });

  it('explains a flag in a sentence with its params', async () => {
    const d = ApprovalDetail.parse((await get(`/v1/approvals/${ids.skipped}`)).json());
    expect(d.recheck).toMatchObject({ recordedOutcome: 'proceed', rulesOutcome: 'approval_required', matches: false });
    // Northwind's password policy also wants an SMS code from the caller, and none was checked.
    expect(d.flags.map((f) => f.code).sort()).toEqual([
      'caller_not_authenticated',
      'outcome_differs',
      'proceeded_without_approver',
    ]);
    expect(d.flags.find((f) => f.code === 'proceeded_without_approver')).toMatchObject({
      params: { rules: 'approval_required' },
      message: expect.stringContaining('without an approver'),
    });
  });

  it('404s an unknown record', async () => {
    const res = await get('/v1/approvals/no-such-record');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });
});

describe('GET /v1/approvals/stats and /checkouts', () => {
  it('counts per day by outcome, decision times, escalations by site and top technicians', async () => {
    const res = await get('/v1/approvals/stats');
    expect(res.statusCode, res.body).toBe(200);
    const s = ApprovalStats.parse(res.json());
    expect(s.perDay.map((d) => [d.day, d.total])).toEqual([
      ['2026-03-01', 2],
      ['2026-03-02', 2],
      ['2026-03-03', 2],
    ]);
    expect(s.perDay[1]!.byOutcome).toMatchObject({ tier4: 1, escalate_partner: 1, proceed: 0 });
    expect(s.timeToDecision.overall.count).toBe(2);
    expect(s.timeToDecision.overall.medianMs).toBeGreaterThan(0);
    expect(s.escalationsBySite.map((e) => [e.siteId, e.count])).toEqual([
      ['site-contoso-london', 1],
      ['site-northwind', 1],
    ]);
    expect(s.topTechnicians[0]).toMatchObject({ name: 'Taylor Tech', count: 5 });
    expect(s.flags).toEqual({ caller_not_authenticated: 1, outcome_differs: 1, proceeded_without_approver: 1 });
    const one = ApprovalStats.parse((await get('/v1/approvals/stats?siteId=site-fabrikam')).json());
    expect(one.perDay.map((d) => d.total)).toEqual([1]);
    const checkouts = CheckoutReviewList.parse((await get('/v1/approvals/checkouts')).json());
    expect(checkouts.items).toEqual([]);
  });
});

describe('approval review permissions', () => {
  it('gives a technician 403 on every review route, and a NOC user too', async () => {
    for (const email of ['tech@callsign.demo', 'noc@callsign.demo']) {
      const token = (await t.login(email)).accessToken;
      for (const url of [
        '/v1/approvals',
        `/v1/approvals/${ids.clean}`,
        '/v1/approvals/stats',
        '/v1/approvals/checkouts',
        '/v1/approvals/export?format=csv',
      ]) {
        const res = await get(url, token);
        expect(res.statusCode, `${email} ${url}`).toBe(403);
        expect(res.json().error.message).toContain('audit.read');
      }
    }
    expect((await get('/v1/approvals', (await t.login('admin@callsign.demo')).accessToken)).statusCode).toBe(200);
  });
});
