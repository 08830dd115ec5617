/**
 * The signed approval export (issue 15), format v1, shared by the CSV and XLSX writers and by
 * `callsign-server audit verify-export`:
 *  - each data row is the cells as written (strings), plus its chain hash in the last column:
 *    h0 = SHA-256("callsign-approval-export:v1\n" + canonicalJson(meta)), hᵢ = SHA-256(hᵢ₋₁ + "\n" +
 *    canonicalJson(cellsᵢ)). `meta` holds the filter, the row count and the audit chain's head at
 *    export time, so the rows are chained to the audit head; `rowsHash` = hₙ.
 *  - the trailer (CSV: last line; XLSX: the "Summary" sheet) holds meta, rowsHash and `signature`:
 *    HMAC-SHA-256 of canonicalJson({ meta, rowsHash }) with the server key's `audit-export` sub-key
 *    (the key that also anchors the audit chain), or null when the server has no key.
 * A changed cell, a removed, added or reordered row breaks the chain at that row; an edited trailer
 * breaks h0 or the signature.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/chain/canonicalJson.js';
import type { ApprovalListItem } from '../../../shared/audit/approvalList.js';

export const EXPORT_FORMAT = 'callsign-approval-export';
export const EXPORT_VERSION = 1;

export const EXPORT_COLUMNS = [
  'id',
  'time',
  'siteId',
  'siteName',
  'technicianId',
  'technicianName',
  'callerName',
  'action',
  'category',
  'outcome',
  'finalState',
  'ticket',
  'approverName',
  'decisionMs',
  'flags',
] as const;
export const ROW_HASH_COLUMN = 'rowHash';

export const ExportMeta = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  exportedBy: z.string(),
  filter: z.record(z.string(), z.unknown()),
  rowCount: z.number().int().nonnegative(),
  columns: z.array(z.string()),
  /** The audit chain's newest entry when the export was made (the export's own event follows it). */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type ExportMeta = z.infer<typeof ExportMeta>;

export const ExportTrailer = z.object({
  meta: ExportMeta,
  rowsHash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().nullable(),
});
export type ExportTrailer = z.infer<typeof ExportTrailer>;

/** Spreadsheet programs run a cell that starts like a formula; such text gets a leading apostrophe. */
const safeCell = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

export function exportCells(item: ApprovalListItem): string[] {
  const cells: Record<(typeof EXPORT_COLUMNS)[number], string> = {
    id: item.id,
    time: item.time,
    siteId: item.site.id,
    siteName: item.site.name,
    technicianId: item.technician.id,
    technicianName: item.technician.name,
    callerName: item.callerName,
    action: item.action,
    category: item.category,
    outcome: item.outcome,
    finalState: item.finalState,
    ticket: item.ticket ?? '',
    approverName: item.approverName ?? '',
    decisionMs: item.decisionMs === null ? '' : String(item.decisionMs),
    flags: item.flags.join(' '),
  };
  return EXPORT_COLUMNS.map((c) => safeCell(cells[c]));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const startHash = (meta: ExportMeta): string =>
  sha256(`${EXPORT_FORMAT}:v${EXPORT_VERSION}\n${canonicalJson(meta)}`);
export const nextHash = (prev: string, cells: readonly string[]): string => sha256(`${prev}\n${canonicalJson(cells)}`);

export function signTrailer(key: Buffer | undefined, meta: ExportMeta, rowsHash: string): string | null {
  if (!key) return null;
  return createHmac('sha256', key).update(canonicalJson({ meta, rowsHash })).digest('base64');
}

export function signatureMatches(key: Buffer, trailer: ExportTrailer): boolean {
  if (trailer.signature === null) return false;
  const expected = Buffer.from(signTrailer(key, trailer.meta, trailer.rowsHash)!);
  const given = Buffer.from(trailer.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The rows with their chain hashes, and the trailer (signed when `key` is given). */
export function chainRows(
  meta: ExportMeta,
  rows: readonly string[][],
  key: Buffer | undefined,
): { rows: string[][]; trailer: ExportTrailer } {
  let h = startHash(meta);
  const out = rows.map((cells) => {
    h = nextHash(h, cells);
    return [...cells, h];
  });
  return { rows: out, trailer: { meta, rowsHash: h, signature: signTrailer(key, meta, h) } };
}
