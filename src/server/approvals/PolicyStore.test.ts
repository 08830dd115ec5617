import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Change } from '../../shared/api/index.js';
import { FIXTURE_POLICIES } from '../demo/demoPolicies.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { buildSiteRules } from './buildSiteRules.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const policyChanges = async (since = 0) => {
  const { accessToken } = await t.login();
  const page = (
    await t.app.inject({ method: 'GET', url: `/v1/sync?since=${since}&limit=20000`, headers: bearer(accessToken) })
  ).json();
  return (page.changes as unknown[]).map((c) => Change.parse(c)).filter((c) => c.kind === 'policy');
};

describe('PolicyStore', () => {
  it('serves the fixture policies through sync as kind policy with id = siteId', async () => {
    const changes = await policyChanges();
    expect(changes.map((c) => c.id).sort()).toEqual(FIXTURE_POLICIES.map((p) => p.siteId).sort());
    const northwind = changes.find((c) => c.id === 'site-northwind');
    expect(northwind?.op === 'upsert' && northwind.data).toEqual(
      FIXTURE_POLICIES.find((p) => p.siteId === 'site-northwind'),
    );
    expect(await t.services.approvals.policies.get('site-northwind')).toEqual(FIXTURE_POLICIES[0]);
    expect(await t.services.approvals.policies.get('site-nope')).toBeUndefined();
  });

  it('bumps the sync sequence on every change and leaves a tombstone when the site goes', async () => {
    const { policies } = t.services.approvals;
    const before = await t.services.directory.latestSeq();
    const { seq, record } = await policies.put({
      siteId: 'site-bluebird',
      policies: { password_reset: { noApprovalNeeded: true } },
    });
    expect(seq).toBeGreaterThan(before);
    expect(record).toMatchObject({ siteId: 'site-bluebird', unlicensedSoftware: [], notificationContacts: [] });
    expect((await policyChanges(before)).map((c) => [c.id, c.op])).toEqual([['site-bluebird', 'upsert']]);

    const gone = await t.services.directory.delete('site', 'site-bluebird');
    expect(gone).not.toBeNull();
    const after = await policyChanges(seq);
    expect(after.map((c) => [c.id, c.op])).toEqual([['site-bluebird', 'delete']]);
    expect(await policies.get('site-bluebird')).toBeUndefined();
  });

  it('validates records and refuses an unknown site, naming the field', async () => {
    const { policies } = t.services.approvals;
    await expect(policies.put({ siteId: 'site-nope', policies: {} })).rejects.toMatchObject({
      code: 'not_found',
      field: 'siteId',
    });
    const tooMany = { kind: 'client', name: 'A', phones: [{ number: '+12065550150' }] };
    await expect(
      policies.put({
        siteId: 'site-fabrikam',
        policies: { password_reset: { approvers: [tooMany, tooMany, tooMany] } },
      }),
    ).rejects.toMatchObject({
      code: 'bad_request',
      field: 'policies.password_reset.approvers',
    });
    await expect(
      policies.put({
        siteId: 'site-fabrikam',
        policies: {},
        notificationContacts: [{ name: 'X', email: 'not-an-email' }],
      }),
    ).rejects.toMatchObject({
      field: 'notificationContacts.0.email',
    });
  });
});

describe('buildSiteRules', () => {
  it('combines the site, its policy record, its references and its people', async () => {
    const stored = await t.services.approvals.siteRules('site-northwind');
    expect(stored?.site.id).toBe('site-northwind');
    const rules = stored!.rules;
    expect(rules).toMatchObject({ siteId: 'site-northwind', country: 'US', rmmAgentOptIn: true });
    expect(rules.references.map((r) => r.id).sort()).toEqual(['ref-northwind-rmm', 'ref-security-verify-caller']);
    expect(rules.people.map((p) => p.profileId)).toEqual(['prof-dana']);
    expect(rules.people[0]!.phones[0]).toMatchObject({
      number: '+1 206 555 0101',
      type: 'mobile',
      smsGateway: '@txt.att.com',
    });
    expect(rules.unlicensedSoftware.map((s) => s.name)).toEqual(['Zoom', 'TeamViewer', 'Dropbox']);
    expect(rules.policies.password_reset?.approvers.map((a) => a.name)).toEqual(['Morgan Lee', 'Priya Shah']);
  });

  it('works for a site without a policy record, and is undefined for an unknown site', async () => {
    await t.services.approvals.policies.delete('site-fabrikam-annex');
    const stored = await buildSiteRules(
      { db: t.database.db, directory: t.services.directory, policies: t.services.approvals.policies },
      'site-fabrikam-annex',
    );
    expect(stored?.rules).toMatchObject({ policies: {}, unlicensedSoftware: [], rmmAgentOptIn: false, country: 'US' });
    expect(stored?.rules.references.map((r) => r.id).sort()).toEqual([
      'ref-fabrikam-shared-line',
      'ref-security-verify-caller',
    ]);
    expect(await t.services.approvals.siteRules('site-nope')).toBeUndefined();
  });
});
