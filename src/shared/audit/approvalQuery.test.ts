import { describe, expect, it } from 'vitest';
import { APPROVAL_PAGE_MAX, ApprovalExportQuery, ApprovalQuery } from './approvalQuery.js';

describe('ApprovalQuery', () => {
  it('reads a query string: booleans, numbers and defaults', () => {
    const q = ApprovalQuery.parse({ flagged: 'true', limit: '50', outcome: 'tier4', finalState: 'escalated_tier4' });
    expect(q).toMatchObject({ flagged: true, limit: 50, sort: 'time_desc', outcome: 'tier4' });
    expect(ApprovalQuery.parse({}).limit).toBe(100);
  });

  it('refuses a page larger than the maximum, an unknown outcome or final state, and a bad time', () => {
    expect(ApprovalQuery.safeParse({ limit: String(APPROVAL_PAGE_MAX + 1) }).success).toBe(false);
    expect(ApprovalQuery.safeParse({ outcome: 'approver' }).success).toBe(false);
    expect(ApprovalQuery.safeParse({ finalState: 'unreachable' }).success).toBe(false);
    expect(ApprovalQuery.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(ApprovalQuery.safeParse({ flag: 'not_a_flag' }).success).toBe(false);
  });

  it('export needs a format', () => {
    expect(ApprovalExportQuery.safeParse({}).success).toBe(false);
    expect(ApprovalExportQuery.parse({ format: 'xlsx', siteId: 's1' })).toMatchObject({ format: 'xlsx', siteId: 's1' });
  });
});
