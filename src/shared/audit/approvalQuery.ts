/**
 * Query string of `GET /v1/approvals`, `/v1/approvals/stats` and `/v1/approvals/export` (issue 15).
 * Every filter is optional and they combine with AND. Times are ISO 8601; `from` is inclusive, `to`
 * exclusive, both compared with the record's `createdAt` (when it happened on the device).
 */
import { z } from 'zod';
import { FinalState } from '../api/approvals.js';
import { CATEGORIES } from '../approvals/catalogue.js';
import { ActionId, Outcome } from '../approvals/schemas.js';
import { AnomalyCode } from './anomalies.js';

const id = z.string().trim().min(1).max(100);
const isoTime = z.iso.datetime({ offset: true });
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());

export const APPROVAL_PAGE_MAX = 500;
export const APPROVAL_SORTS = ['time_desc', 'time_asc'] as const;

/** The filters, shared by the list, the stats and the export. */
export const ApprovalFilter = z.object({
  from: isoTime.optional(),
  to: isoTime.optional(),
  siteId: id.optional(),
  technicianId: id.optional(),
  action: ActionId.optional(),
  category: z.enum(CATEGORIES).optional(),
  /** The recorded decision's outcome. */
  outcome: Outcome.optional(),
  finalState: FinalState.optional(),
  /** Exact ticket number. */
  ticket: z.string().trim().min(1).max(64).optional(),
  /** Text in the notes of the record's events (case-insensitive substring). */
  q: z.string().trim().min(1).max(200).optional(),
  /** true: only records with at least one anomaly flag. */
  flagged: flag.optional(),
  /** Only records carrying this anomaly flag. */
  flag: AnomalyCode.optional(),
});
export type ApprovalFilter = z.infer<typeof ApprovalFilter>;

export const ApprovalQuery = ApprovalFilter.extend({
  sort: z.enum(APPROVAL_SORTS).default('time_desc'),
  limit: z.coerce.number().int().min(1).max(APPROVAL_PAGE_MAX).default(100),
  /** `nextCursor` of the previous page, as given (opaque: time + id of its last row). */
  cursor: z.string().min(1).max(300).optional(),
});
export type ApprovalQuery = z.infer<typeof ApprovalQuery>;
export type ApprovalQueryInput = z.input<typeof ApprovalQuery>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** `GET /v1/approvals/export?format=csv|xlsx&<filters>`: the whole filtered view, oldest first. */
export const ApprovalExportQuery = ApprovalFilter.extend({ format: z.enum(EXPORT_FORMATS) });
export type ApprovalExportQuery = z.infer<typeof ApprovalExportQuery>;
