import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/approvals/index.js';
import { ApprovalRequest } from '../../../shared/approvals/schemas.js';
import { CallsignDb } from '../../db/CallsignDb.js';
import { siteRulesFor } from './siteRulesFor.js';
import { seedApprovalsCache } from './testFixtures.testkit.js';

let db: CallsignDb;
let n = 0;
beforeEach(async () => {
  db = new CallsignDb(`rules-${++n}`);
  await seedApprovalsCache(db);
});
afterEach(() => db.delete());

describe('siteRulesFor', () => {
  it('builds SiteRules from the cached site, policy, references and people', async () => {
    const r = await siteRulesFor(db, 'site-nw', 'p-dana');
    expect(r?.hasPolicy).toBe(true);
    const rules = r!.rules;
    expect(rules).toMatchObject({ siteId: 'site-nw', country: 'US', rmmAgentOptIn: true });
    expect(rules.policies.password_reset?.noApprovalNeeded).toBe(true);
    expect(rules.unlicensedSoftware.map((s) => s.name)).toEqual(['Zoom', 'BitTorrent']);
    expect(rules.references.map((x) => x.id).sort()).toEqual(['r-rmm', 'r-sec']);
    expect(rules.people.map((p) => p.profileId).sort()).toEqual(['p-dana', 'p-lee']);
    expect(rules.people.find((p) => p.profileId === 'p-dana')?.phones[0]).toMatchObject({
      type: 'mobile',
      smsGateway: '@txt.att.com',
    });
  });

  it('feeds the engine offline: SMS auth uses the cached caller phone, rmm-preapproved comes from references', async () => {
    const { rules } = (await siteRulesFor(db, 'site-nw', 'p-dana'))!;
    const newUser = evaluate(
      rules,
      ApprovalRequest.parse({ siteId: 'site-nw', action: 'user.create_aduc', callerProfileId: 'p-dana' }),
    );
    expect(newUser.outcome).toBe('proceed');
    expect(newUser.steps[0]).toEqual({ kind: 'authenticate_caller', profileId: 'p-dana', number: '+12065550101' });
    expect(newUser.templates.username).toBe('dana.reyes');
    const rmm = evaluate(
      rules,
      ApprovalRequest.parse({ siteId: 'site-nw', action: 'rmm.install', callerProfileId: 'p-dana' }),
    );
    expect(rmm.outcome).not.toBe('tier4');
    const blocked = evaluate(
      rules,
      ApprovalRequest.parse({ siteId: 'site-nw', action: 'software.install', software: 'bittorrent 7.1' }),
    );
    expect(blocked.outcome).toBe('blocked');
  });

  it('escalates everything when no policy was synced, and returns null for an unknown site', async () => {
    await db.policies.delete('site-nw');
    const r = await siteRulesFor(db, 'site-nw');
    expect(r?.hasPolicy).toBe(false);
    expect(evaluate(r!.rules, ApprovalRequest.parse({ siteId: 'site-nw', action: 'permission.ntfs' })).outcome).toBe(
      'escalate_partner',
    );
    expect(await siteRulesFor(db, 'nope')).toBeNull();
  });
});
