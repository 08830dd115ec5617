import { describe, expect, it } from 'vitest';
import type { SitePolicyRecord } from '../../../shared/api/approvals.js';
import type { Approver } from '../../../shared/approvals/index.js';
import { blankContact, editContact, rulesUsing } from './contactEdits.js';

const desk: Approver = { kind: 'group', name: 'IT desk', phones: [{ number: '+15035550100', type: 'office' }] };
const msp: Approver = { kind: 'partner', name: 'IT desk', phones: [{ number: '+15035550199', type: 'office' }] };
const dana: Approver = {
  kind: 'client',
  name: 'Dana Reyes',
  profileId: 'p1',
  phones: [{ number: '+15035550101', type: 'mobile' }],
};
const rule = (approvers: Approver[]) => ({
  noApprovalNeeded: false,
  approvers,
  authenticateCaller: 'none' as const,
  authenticateApprover: 'none' as const,
});
const record: SitePolicyRecord = {
  siteId: 's1',
  policies: { password_reset: rule([desk, dana]), new_user_account: rule([msp]), permission_change: rule([dana]) },
  unlicensedSoftware: [],
  groupContacts: [desk],
  partnerContacts: [msp],
  notificationContacts: [],
};

describe('editContact', () => {
  it('carries a renamed group contact and its new number into every rule that lists it', () => {
    const renamed = { ...desk, name: 'Service desk', phones: [{ number: '+15035550111', type: 'office' as const }] };
    const next = editContact(record, 'groupContacts', 0, renamed);
    expect(next.groupContacts).toEqual([renamed]);
    expect(next.policies.password_reset!.approvers).toEqual([renamed, dana]);
    // A partner contact of the same name is another contact: untouched.
    expect(next.policies.new_user_account).toBe(record.policies.new_user_account);
    expect(next.policies.permission_change).toBe(record.policies.permission_change);
    expect(record.groupContacts).toEqual([desk]); // the draft before is not changed
  });

  it('takes a removed contact out of the rules, keeping the calling order of the others', () => {
    const next = editContact(record, 'groupContacts', 0, undefined);
    expect(next.groupContacts).toEqual([]);
    expect(next.policies.password_reset!.approvers).toEqual([dana]);
    expect(next.partnerContacts).toEqual([msp]);
  });

  it('names the rules that list a contact, and ignores an index that is not there', () => {
    expect(rulesUsing(record, 'groupContacts', 0)).toEqual(['password_reset']);
    expect(rulesUsing(record, 'partnerContacts', 0)).toEqual(['new_user_account']);
    expect(editContact(record, 'groupContacts', 5, undefined)).toBe(record);
  });

  it('starts a new contact with the list’s kind and one number to fill in', () => {
    expect(blankContact('partnerContacts')).toMatchObject({ kind: 'partner', name: '', phones: [{ number: '' }] });
  });
});
