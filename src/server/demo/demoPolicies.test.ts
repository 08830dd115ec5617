import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SitePolicyRecord } from '../../shared/api/index.js';
import { ApprovalRequest, evaluate, type ApprovalRequestInput, type Decision } from '../../shared/approvals/index.js';
import { buildSiteRules } from '../approvals/buildSiteRules.js';
import { PolicyStore } from '../approvals/PolicyStore.js';
import { openDatabase, type ServerDatabase } from '../db/openDatabase.js';
import { bulkLoadDirectory } from '../directory/bulkLoadDirectory.js';
import { DirectoryStore } from '../directory/DirectoryStore.js';
import { demoPolicies, FIXTURE_POLICIES, generatePolicies } from './demoPolicies.js';
import { FIXTURE_PROFILES, FIXTURE_REFERENCES, FIXTURE_SITES } from './fixtures.js';
import { generateDirectory } from './generate.js';

let database: ServerDatabase;
let directory: DirectoryStore;
let policies: PolicyStore;

beforeAll(async () => {
  database = await openDatabase(':memory:');
  bulkLoadDirectory(
    database.sqlite,
    { sites: FIXTURE_SITES, profiles: FIXTURE_PROFILES, references: FIXTURE_REFERENCES, policies: FIXTURE_POLICIES },
    1,
  );
  directory = new DirectoryStore(database.db, () => 2);
  policies = new PolicyStore(directory);
});
afterAll(() => database.close());

async function decide(siteId: string, request: Omit<ApprovalRequestInput, 'siteId'>): Promise<Decision> {
  const stored = await buildSiteRules({ db: database.db, directory, policies }, siteId);
  return evaluate(stored!.rules, ApprovalRequest.parse({ siteId, ...request }));
}
const dials = (d: Decision) =>
  d.steps.flatMap((s) => (s.kind === 'dial' ? [`${s.approver} ${s.number}${s.authenticate ? ' sms' : ''}`] : []));

describe('demo policies: the matrix in demoPolicies.ts', () => {
  it('Northwind: caller SMS, two approvers, software list, RMM and templates', async () => {
    const reset = await decide('site-northwind', { action: 'password.reset', callerProfileId: 'prof-dana' });
    expect(reset.outcome).toBe('approval_required');
    expect(reset.steps[0]).toEqual({ kind: 'authenticate_caller', profileId: 'prof-dana', number: '+12065550101' });
    expect(dials(reset)).toEqual(['Morgan Lee +12065550121 sms', 'Priya Shah +12065550123 sms']);

    expect(
      (await decide('site-northwind', { action: 'password.self_change_walkthrough', callerProfileId: 'prof-dana' }))
        .outcome,
    ).toBe('proceed');
    expect((await decide('site-northwind', { action: 'password.reset', subject: 'admin' })).outcome).toBe('tier4');
    expect(
      (
        await decide('site-northwind', {
          action: 'software.install',
          software: 'Zoom 5.17',
          callerProfileId: 'prof-dana',
        })
      ).outcome,
    ).toBe('proceed');
    expect((await decide('site-northwind', { action: 'software.install', software: 'zoom' })).outcome).toBe('proceed');
    expect((await decide('site-northwind', { action: 'software.install', software: 'TeamViewer' })).outcome).toBe(
      'blocked',
    );
    expect((await decide('site-northwind', { action: 'software.install', software: 'Dropbox' })).outcome).toBe(
      'approval_required',
    );
    expect(dials(await decide('site-northwind', { action: 'software.install', software: 'Notepad++' }))).toEqual([
      'Morgan Lee +12065550121',
      'Morgan Lee +12065550122',
    ]);
    expect((await decide('site-northwind', { action: 'software.install', target: 'server' })).outcome).toBe('tier4');

    const rmm = await decide('site-northwind', { action: 'rmm.install' });
    expect(rmm.outcome).toBe('proceed');
    expect(rmm.reasons[0]).toContain('ref-northwind-rmm');
    const fee = await decide('site-northwind', { action: 'rmm.install', unmanagedMachine: true });
    expect(fee.outcome).toBe('proceed');
    expect(fee.notices.map((n) => n.kind)).toEqual(['rmm_fee']);

    expect(
      (await decide('site-northwind', { action: 'user.create_aduc', callerProfileId: 'prof-dana' })).templates,
    ).toEqual({ username: 'dana.reyes', securityGroups: ['Staff', 'VPN Users', 'Finance'] });
    expect(
      (await decide('site-northwind', { action: 'mail.create_mailbox', callerProfileId: 'prof-dana' })).templates.email,
    ).toBe('dana.reyes@northwindtraders.com');
    expect(dials(await decide('site-northwind', { action: 'permission.ntfs' }))).toEqual([
      'Morgan Lee +12065550121 sms',
      'Brightline on-call engineer +12065550190',
    ]);
    expect((await decide('site-northwind', { action: 't4.vpn_access' })).outcome).toBe('tier4');
  });

  it('Contoso London: every way to end in escalate_partner, and tier4 RMM', async () => {
    const escalations = await Promise.all([
      decide('site-contoso-london', { action: 'user.create_aduc' }),
      decide('site-contoso-london', { action: 'mail.create_mailbox' }),
      decide('site-contoso-london', { action: 'password.reset', callerProfileId: 'prof-oliver' }),
      decide('site-contoso-london', { action: 'permission.mailbox', callerProfileId: 'prof-oliver' }),
      decide('site-contoso-london', { action: 'permission.mailbox' }),
      decide('site-contoso-london', { action: 'rmm.install', unmanagedMachine: true }),
    ]);
    expect(escalations.map((d) => d.outcome)).toEqual(Array(6).fill('escalate_partner'));
    expect(escalations[2]!.reasons.join(' ')).toMatch(/Harriet Clarke/);
    expect(escalations[3]!.reasons.join(' ')).toMatch(/no mobile phone with an SMS gateway/);
    expect((await decide('site-contoso-london', { action: 'rmm.install' })).outcome).toBe('tier4');
    expect((await decide('site-contoso-london', { action: 'software.install', software: 'uTorrent' })).outcome).toBe(
      'blocked',
    );
  });

  it('Fabrikam, Fabrikam Annex and Bluebird', async () => {
    expect(dials(await decide('site-fabrikam', { action: 'permission.aduc_group' }))).toEqual([
      'Fabrikam Front Desk +13125550141',
      'Fabrikam Front Desk +13125550142',
    ]);
    expect(dials(await decide('site-fabrikam', { action: 'password.reset' }))).toEqual([
      'Luis Ortega +13125550144 sms',
      'Luis Ortega +13125550145 sms',
    ]);
    expect(dials(await decide('site-fabrikam', { action: 'software.install', software: 'Slack' }))).toEqual([
      'Luis Ortega +13125550144 sms',
      'Brightline on-call engineer +12065550190',
    ]);
    const annex = await decide('site-fabrikam-annex', { action: 'password.reset' });
    expect(dials(annex)).toEqual(['Jo Park +13125550146']);
    expect(annex.reasons.join(' ')).toMatch(/skipped/);
    expect((await decide('site-fabrikam-annex', { action: 'mail.create_mailbox' })).outcome).toBe('escalate_partner');

    expect((await decide('site-bluebird', { action: 'password.reset', callerProfileId: 'prof-sam' })).outcome).toBe(
      'proceed',
    );
    expect(dials(await decide('site-bluebird', { action: 'password.reset', subject: 'other' }))).toEqual([
      'Grace Nguyen +61491570156',
    ]);
    for (const action of ['user.create_aduc', 'mail.delete', 'permission.sharing', 'software.install'] as const) {
      expect((await decide('site-bluebird', { action })).outcome).toBe('proceed');
    }
    expect((await decide('site-bluebird', { action: 'rmm.install' })).outcome).toBe('tier4');
  });

  it('gives every fixture site notification contacts', () => {
    expect(FIXTURE_POLICIES.map((p) => p.siteId).sort()).toEqual(FIXTURE_SITES.map((s) => s.id).sort());
    for (const p of FIXTURE_POLICIES)
      expect(p.notificationContacts.map((c) => c.email)).toContain('helpdesk-escalations@brightline-msp.example');
  });
});

describe('generated policies', () => {
  it('are deterministic, valid and cover a share of the generated sites', () => {
    const d = generateDirectory({ sites: 100, profiles: 2000, references: 0, seed: 3 });
    const a = generatePolicies(d, 3);
    expect(generatePolicies(d, 3)).toEqual(a);
    expect(a.length).toBeGreaterThan(40);
    expect(a.length).toBeLessThan(80);
    for (const p of a) expect(SitePolicyRecord.parse(p)).toEqual(p);
    const siteIds = new Set(d.sites.map((s) => s.id));
    expect(a.every((p) => siteIds.has(p.siteId) && /^site-\d/.test(p.siteId))).toBe(true);
    expect(demoPolicies(d, 3)).toHaveLength(a.length + FIXTURE_POLICIES.length);
  });
});
