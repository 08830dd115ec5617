import { describe, expect, it } from 'vitest';
import { fromZodError } from '../api/errors.js';
import { EXAMPLE_SITE } from './exampleSite.js';
import { ApprovalRequest, EvaluateInput, SiteRules } from './schemas.js';

const firstError = (input: unknown) => {
  const r = EvaluateInput.safeParse(input);
  return r.success ? null : fromZodError(r.error).message;
};
const req = { siteId: 'S1', action: 'password.reset' };

describe('ApprovalRequest', () => {
  it('defaults subject to self, target to workstation, unmanagedMachine to false', () => {
    expect(ApprovalRequest.parse(req)).toEqual({
      ...req,
      subject: 'self',
      target: 'workstation',
      unmanagedMachine: false,
    });
  });
  it('treats null or blank optional strings as absent', () => {
    const r = ApprovalRequest.parse({ ...req, callerProfileId: null, software: '  ' });
    expect(r.callerProfileId).toBeUndefined();
    expect(r.software).toBeUndefined();
  });
  it('an unknown action id is an error naming request.action and listing the ids', () => {
    const msg = firstError({ site: EXAMPLE_SITE, request: { ...req, action: 'x' } });
    expect(msg).toMatch(/^request\.action: unknown action id "x"; use one of user\.create_aduc, /);
    expect(msg).toContain('t4.firewall_listing');
  });
  it('a field of the wrong type is an error naming the field', () => {
    expect(firstError({ site: EXAMPLE_SITE, request: { ...req, unmanagedMachine: 'yes' } })).toMatch(
      /^request\.unmanagedMachine: /,
    );
    expect(firstError({ site: EXAMPLE_SITE, request: { ...req, subject: 'boss' } })).toMatch(/^request\.subject: /);
    expect(firstError({ site: EXAMPLE_SITE, request: { ...req, action: 7 } })).toMatch(
      /^request\.action: enter an action id/,
    );
    expect(firstError({ site: EXAMPLE_SITE, request: { action: 'password.reset' } })).toMatch(/^request\.siteId: /);
  });
  it('(choice) a request for another site is an error naming request.siteId', () => {
    expect(firstError({ site: EXAMPLE_SITE, request: { ...req, siteId: 'S2' } })).toMatch(
      /^request\.siteId: does not match site\.siteId/,
    );
  });
});

describe('SiteRules', () => {
  it('parses the §6 example and fills defaults', () => {
    const site = SiteRules.parse({ siteId: 'S1' });
    expect(site).toMatchObject({
      rmmAgentOptIn: false,
      policies: {},
      unlicensedSoftware: [],
      references: [],
      people: [],
    });
    expect(SiteRules.parse(EXAMPLE_SITE).policies.password_reset?.authenticateCaller).toBe('none');
  });
  it('allows at most two approvers, each with at least one phone', () => {
    const approver = { kind: 'client', name: 'A', phones: [{ number: '+12065550121', type: 'mobile' }] };
    const three = { siteId: 'S1', policies: { password_reset: { approvers: [approver, approver, approver] } } };
    expect(firstError({ site: three, request: req })).toMatch(
      /^site\.policies\.password_reset\.approvers: list at most two/,
    );
    const noPhone = { siteId: 'S1', policies: { password_reset: { approvers: [{ ...approver, phones: [] }] } } };
    expect(firstError({ site: noPhone, request: req })).toMatch(
      /^site\.policies\.password_reset\.approvers\.0\.phones: /,
    );
  });
  it('checks kinds, auth modes, software actions and country codes', () => {
    const bad = (site: object) => firstError({ site: { siteId: 'S1', ...site }, request: req });
    expect(bad({ policies: { password_reset: { authenticateCaller: 'email' } } })).toMatch(/authenticateCaller/);
    expect(bad({ unlicensedSoftware: [{ name: 'Zoom', action: 'maybe' }] })).toMatch(
      /^site\.unlicensedSoftware\.0\.action/,
    );
    expect(bad({ country: 'USA' })).toMatch(/^site\.country/);
    expect(SiteRules.parse({ siteId: 'S1', country: 'gb' }).country).toBe('GB');
  });
  it('phone type defaults to other (never SMS-capable)', () => {
    const site = SiteRules.parse({ siteId: 'S1', people: [{ profileId: 'p1', phones: [{ number: '+12065550101' }] }] });
    expect(site.people[0]?.phones[0]?.type).toBe('other');
  });
});
