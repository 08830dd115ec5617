/**
 * HTTP contract of the supervisors' approval review (issue 15), shared by the server routes
 * (src/server/audit) and the desktop's features/audit:
 *  - `GET /v1/approvals?<ApprovalQuery>` → `ApprovalPage` (keyset paging by time + id)
 *  - `GET /v1/approvals/:id` → `ApprovalDetail`
 *  - `GET /v1/approvals/stats?<ApprovalFilter>` → `ApprovalStats`
 *  - `GET /v1/approvals/checkouts?<CheckoutReviewQuery>` → `CheckoutReviewList`
 *  - `GET /v1/approvals/export?format=csv|xlsx&<ApprovalFilter>` → a signed file (see server/audit/export)
 * All need the permission `audit.read` (supervisor, admin); a technician gets 403.
 */
export * from './anomalies.js';
export * from './approvalQuery.js';
export * from './approvalList.js';
export * from './approvalDetail.js';
export * from './approvalStats.js';
export * from './outcomes.js';
