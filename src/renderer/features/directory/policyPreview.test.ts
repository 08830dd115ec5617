import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../shared/domain/index.js';
import { previewDecision } from './policyPreview.js';

const site = { id: 's1', country: 'US', rmmAgentOptIn: false };
const lee: ClientProfile = {
  id: 'p3',
  siteId: 's1',
  firstName: 'Lee',
  lastName: 'Chan',
  phones: [{ number: '206 555 0121', type: 'mobile', provider: 'AT&T', smsGateway: '@txt.att.com' }],
  thinClient: false,
  psaContact: false,
};
const approver = { kind: 'client' as const, name: 'Lee Chan', profileId: 'p3', phones: lee.phones };

describe('previewDecision', () => {
  it('follows the form’s values: no approvers escalates, one approver plans a call to them', () => {
    const sample = { action: 'password.reset', callerProfileId: 'p3' };
    const none = previewDecision(site, [lee], { password_reset: { approvers: [] } as never }, sample);
    expect(none?.decision.outcome).toBe('escalate_partner');
    const one = previewDecision(
      site,
      [lee],
      { password_reset: { approvers: [approver], authenticateApprover: 'sms' } as never },
      sample,
    );
    expect(one?.decision.outcome).toBe('approval_required');
    expect(one?.decision.steps).toMatchObject([{ kind: 'dial', number: '+12065550121', authenticate: true }]);
    const free = previewDecision(site, [lee], { password_reset: { noApprovalNeeded: true } as never }, sample);
    expect(free?.decision.outcome).toBe('proceed');
  });

  it('gives no preview (rather than a wrong one) while an approver is incomplete', () => {
    const half = { ...approver, phones: [] };
    expect(
      previewDecision(site, [lee], { password_reset: { approvers: [half] } as never }, { action: 'password.reset' }),
    ).toBeNull();
  });
});
