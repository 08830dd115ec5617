/**
 * Signed exports of the approval review (`GET /v1/approvals/export`, issue 15): the filtered view,
 * oldest first, as CSV or XLSX (export/exportFormat.ts). Exporting is itself an audit event
 * (`approval.exported`, holding the filter, the row count and the rows hash), appended right after
 * the head the file is chained to.
 */
import { AppError } from '../../shared/api/errors.js';
import type { ApprovalExportQuery } from '../../shared/audit/approvalQuery.js';
import type { ApprovalReview } from './ApprovalReview.js';
import { AUDIT_EVENT, type AuditLog } from './AuditLog.js';
import { writeCsv } from './export/csvExport.js';
import {
  EXPORT_COLUMNS,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  chainRows,
  exportCells,
  type ExportMeta,
} from './export/exportFormat.js';
import { writeXlsx } from './export/xlsxExport.js';

/** More rows than this: the export asks for a narrower filter (the file is built in memory). */
export const EXPORT_MAX_ROWS = 100_000;

export const EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface ExportFile {
  bytes: Buffer;
  fileName: string;
  contentType: string;
  rowCount: number;
}

export class ApprovalExporter {
  constructor(
    private readonly review: ApprovalReview,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    /** The server key's `audit-export` sub-key; without it exports are unsigned (hashes only). */
    private readonly key: Buffer | undefined,
  ) {}

  async export(query: ApprovalExportQuery, actor: string): Promise<ExportFile> {
    const { format, ...filter } = query;
    const cells: string[][] = [];
    for await (const batch of this.review.all(filter)) {
      for (const item of batch) cells.push(exportCells(item));
      if (cells.length > EXPORT_MAX_ROWS)
        throw new AppError(
          'bad_request',
          `format: the filtered view has more than ${EXPORT_MAX_ROWS.toLocaleString('en-US')} approvals; narrow the filter (e.g. a shorter date range from/to) and export again.`,
          'format',
        );
    }
    const head = await this.audit.head();
    const exportedAt = new Date(this.now()).toISOString();
    const meta: ExportMeta = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt,
      exportedBy: actor,
      filter,
      rowCount: cells.length,
      columns: [...EXPORT_COLUMNS],
      auditHead: head ? { seq: head.seq, hash: head.hash } : null,
    };
    const { rows, trailer } = chainRows(meta, cells, this.key);
    const bytes = format === 'csv' ? writeCsv(rows, trailer) : await writeXlsx(rows, trailer);
    await this.audit.append({
      type: AUDIT_EVENT.approvalExported,
      actor,
      subject: 'approvals',
      data: {
        format,
        filter,
        rowCount: rows.length,
        rowsHash: trailer.rowsHash,
        auditHeadSeq: head?.seq ?? null,
        signed: trailer.signature !== null,
      },
    });
    const stamp = exportedAt.replace(/[:.]/g, '-');
    return {
      bytes,
      fileName: `callsign-approvals-${stamp}.${format}`,
      contentType: EXPORT_CONTENT_TYPES[format],
      rowCount: rows.length,
    };
  }
}
