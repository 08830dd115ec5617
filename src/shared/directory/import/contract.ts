/**
 * The profile import/export contract (issue 16), shared by the server routes, the CLI and the
 * desktop import screen. Flow: `POST /v1/admin/sites/:siteId/profiles/import` (the file's bytes)
 * → 202 ImportJobStatus (phase `validating`); poll `GET /v1/admin/imports/:token` until `ready`
 * (with `preview`); `POST /v1/admin/imports/:token/apply` → 202 (phase `applying`); poll until
 * `applied` (with `result`) or `failed` (with `error`). `done`/`total` drive a determinate progress
 * bar in every phase. Issues carry a stable `code` and `params` for translation and an English
 * `message` that says what to fix.
 */
import { z } from 'zod';
import { Locale } from '../../i18n/locales.js';
import { ProfileColumn } from './columns.js';

export const SheetFormat = z.enum(['xlsx', 'csv']);
export type SheetFormat = z.infer<typeof SheetFormat>;

/** MIME types of the import body (and export response). */
export const SHEET_CONTENT_TYPES: Readonly<Record<SheetFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** Upload size limit for an import (a 20k-row .xlsx is ~1.5 MB, the same as CSV ~2.5 MB). */
export const IMPORT_MAX_BYTES = 16 * 1024 * 1024;
/** Data rows per file. */
export const IMPORT_MAX_ROWS = 50_000;

export const ImportIssueCode = z.enum([
  // File level (row 0)
  'file_unreadable',
  'no_header_row',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'too_many_rows',
  'empty_file',
  // Errors on a row
  'first_name_required',
  'last_name_required',
  'phone_required',
  'country_required',
  'country_invalid',
  'phone_invalid',
  'phone_scientific',
  'email_invalid',
  'type_invalid',
  'yes_no_invalid',
  'gateway_invalid',
  'id_unknown',
  'id_repeated',
  'delete_without_id',
  'email_duplicate',
  'too_long',
  /** Anything else the profile schema refuses (`params.field`, `params.reason`). */
  'invalid_value',
  // Warnings on a row
  'digits_normalised',
  'na_blank',
  'excel_number',
  'leading_zero_restored',
  'apostrophe_stripped',
  'country_without_phone',
  'phone_duplicate',
  'read_only_ignored',
  'details_without_phone',
]);
export type ImportIssueCode = z.infer<typeof ImportIssueCode>;

export const ImportIssue = z.object({
  /** The spreadsheet row as Excel numbers it (the header is row 1); 0 for the file as a whole. */
  row: z.number().int().min(0),
  column: ProfileColumn.optional(),
  /** The header as written in the file, when the issue is about one column. */
  header: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  code: ImportIssueCode,
  /** Values for the translated sentence: e.g. `{ value, normalised, country }`. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  /** English sentence: what is wrong and what to do. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportCounts = z.object({
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  deleted: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** Rows with at least one error (never applied). */
  failed: z.number().int().min(0),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** One planned change, for the preview's lists. */
export const PlannedRow = z.object({
  row: z.number().int().min(2),
  /** The profile's id (absent for an added row until applied). */
  id: z.string().optional(),
  firstName: z.string(),
  lastName: z.string(),
  /** For updates: the columns whose value changes. */
  changed: z.array(ProfileColumn).optional(),
});
export type PlannedRow = z.infer<typeof PlannedRow>;

/** Lists in the preview stop at this many entries; the counts are always complete. */
export const PREVIEW_LIST_LIMIT = 500;

export const ImportPreview = z.object({
  siteId: z.string(),
  format: SheetFormat,
  /** The language the headers were written in (en-US for English), null when none was recognised. */
  language: Locale.nullable(),
  /** Data rows read (blank rows skipped). */
  rows: z.number().int().min(0),
  counts: ImportCounts,
  errorCount: z.number().int().min(0),
  warningCount: z.number().int().min(0),
  /** Errors first by row, then warnings by row; at most PREVIEW_LIST_LIMIT of each. */
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
  added: z.array(PlannedRow),
  updated: z.array(PlannedRow),
  deleted: z.array(PlannedRow),
  /** True when applying would change something and no row has an error. */
  canApply: z.boolean(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  counts: ImportCounts,
  /** Sync seq before and after: desktops see the change at their next sync. */
  seqBefore: z.number().int(),
  seqAfter: z.number().int(),
  /** "added N, updated N, deleted N, failed N" as the seed's portal reports it. */
  summary: z.string(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportPhase = z.enum(['validating', 'ready', 'applying', 'applied', 'failed']);
export type ImportPhase = z.infer<typeof ImportPhase>;

export const ImportJobStatus = z.object({
  token: z.string(),
  siteId: z.string(),
  phase: ImportPhase,
  /** Rows validated (validating) or written (applying) so far, of `total`. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  /** When the token stops working (epoch ms). */
  expiresAt: z.number().int(),
  preview: ImportPreview.optional(),
  result: ImportResult.optional(),
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }).optional(),
});
export type ImportJobStatus = z.infer<typeof ImportJobStatus>;

export const ApplyImportRequest = z.object({
  /** Apply the valid rows and leave the failing ones out (the seed's "failed N"); default refuses. */
  skipFailedRows: z.boolean().default(false),
});
export type ApplyImportRequest = z.infer<typeof ApplyImportRequest>;

export const ExportQuery = z.object({
  format: SheetFormat.default('xlsx'),
  lang: Locale.default('en-US'),
  /** 1: the blank template (headers, validation lists), no profiles. */
  template: z.enum(['0', '1']).default('0'),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

/** "added 3, updated 1, deleted 0, failed 2". */
export function summarise(c: ImportCounts): string {
  return `added ${c.added}, updated ${c.updated}, deleted ${c.deleted}, failed ${c.failed}`;
}
