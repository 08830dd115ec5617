import { describe, expect, it } from 'vitest';
import type { ApprovalRecord } from '../../../shared/api/approvals.js';
import { approvalChoices } from './approvalChoices.js';

const rec = (id: string, siteId: string, finalState: ApprovalRecord['finalState'], at: string, profileId = 'p-dana') =>
  ({ id, siteId, finalState, createdAt: at, caller: { profileId, name: 'Dana Reyes' } }) as unknown as ApprovalRecord;

const records = [
  rec('old', 'site-nw', 'completed', '2026-03-01T09:00:00.000Z'),
  rec('denied', 'site-nw', 'denied', '2026-03-01T10:01:00.000Z'),
  rec('other-site', 'site-bb', 'approved', '2026-03-01T10:02:00.000Z'),
  rec('this-call', 'site-nw', 'approved', '2026-03-01T10:01:30.000Z'),
  rec('other-caller', 'site-nw', 'completed', '2026-03-01T10:02:30.000Z', 'p-lee'),
];

describe('approvalChoices', () => {
  it('offers only this site’s approvals to proceed, newest first', () => {
    expect(approvalChoices(records, 'site-nw', undefined).records.map((r) => r.id)).toEqual([
      'other-caller',
      'this-call',
      'old',
    ]);
  });

  it('preselects the one made on this call with this caller, none without a caller', () => {
    const since = Date.parse('2026-03-01T10:00:00.000Z');
    expect(approvalChoices(records, 'site-nw', { profileId: 'p-dana', since }).preselectedId).toBe('this-call');
    expect(approvalChoices(records, 'site-nw', { profileId: 'p-dana', since: since + 3600_000 }).preselectedId).toBe(
      undefined,
    );
    expect(approvalChoices(records, 'site-nw', undefined).preselectedId).toBe(undefined);
  });
});
