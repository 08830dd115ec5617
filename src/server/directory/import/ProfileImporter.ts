/**
 * Imports a site's client profiles from a spreadsheet: read (xlsx or CSV) → check every row →
 * plan against the site's profiles → apply the plan in ONE transaction through DirectoryStore's
 * batch path (each profile gets its change row, so desktops see it at their next sync) with one
 * `directory.imported` audit event. Apply refuses (409) when the site's profiles changed since the
 * preview: the fingerprint is re-read inside the transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../../shared/api/index.js';
import type { ClientProfile } from '../../../shared/domain/index.js';
import {
  IMPORT_MAX_ROWS,
  PREVIEW_LIST_LIMIT,
  summarise,
  type ImportIssue,
  type ImportPreview,
  type ImportResult,
  type SheetFormat,
} from '../../../shared/directory/import/index.js';
import type { AuditSink } from '../../audit/AuditLog.js';
import { PLATFORM_AUDIT_EVENT } from '../../admin/platformAuditEvents.js';
import type { Database } from '../../db/schema.js';
import type { DirectoryStore } from '../DirectoryStore.js';
import { makeIssue } from './importIssues.js';
import { rememberPhoneParses, type NormalizePhone } from './phoneParses.js';
import { planImport, type ImportPlan } from './planImport.js';
import { readCsv } from './readCsv.js';
import { readHeader } from './readHeader.js';
import { readProfileRow, type ImportedRow } from './readProfileRow.js';
import { readXlsx } from './readXlsx.js';
import type { SheetRow } from './sheetCells.js';

/** What apply needs from a preview; held by the caller (ImportJobs, the CLI) between the two. */
export interface PreparedImport {
  preview: ImportPreview;
  plan: ImportPlan;
  /** SHA-256 of the site's profiles when the plan was made. */
  fingerprint: string;
  fileHash: string;
}

export type Progress = (done: number, total: number) => void;

/** Rows checked between turns of the event loop, so progress polls get answered. */
const ROWS_PER_TURN = 1000;
/** Writes between progress reports while applying (a desktop polls about once a second). */
const WRITES_PER_REPORT = 500;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** xlsx files are zip archives ("PK\x03\x04"): trust the bytes over a mislabelled upload. */
export function sniffFormat(bytes: Uint8Array, declared: SheetFormat): SheetFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4 ? 'xlsx' : declared;
}

export class ProfileImporter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    private readonly audit: AuditSink,
    private readonly newId: () => string = () => `prof-${randomUUID()}`,
  ) {}

  async prepare(
    siteId: string,
    bytes: Uint8Array,
    declared: SheetFormat,
    progress: Progress = () => {},
  ): Promise<PreparedImport> {
    const site = await this.directory.get('site', siteId);
    if (!site)
      throw new AppError('not_found', `There is no site "${siteId}". Check the site, or list them first.`, 'siteId');
    const format = sniffFormat(bytes, declared);
    const sheet = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    const { current, fingerprint } = await this.siteProfiles(this.db, siteId);
    const normalize = rememberPhoneParses();
    const { rows, fileIssues, language, headers } = await this.readRows(sheet, progress, normalize);
    const plan = planImport(rows, { id: site.id, country: site.country }, current, this.newId, normalize);
    // The planner's issues (ids, duplicates) name the column; add the header as the file wrote it.
    for (const r of rows)
      for (const i of r.issues)
        if (i.column && i.header === undefined && headers?.has(i.column)) i.header = headers.get(i.column);
    const preview = buildPreview(siteId, format, language, rows, fileIssues, plan);
    return { preview, plan, fingerprint, fileHash };
  }

  private async readRows(sheet: SheetRow[], progress: Progress, normalize: NormalizePhone) {
    const header = readHeader(sheet);
    if (!header) return { rows: [], fileIssues: [makeIssue(0, 'no_header_row')], language: null, headers: undefined };
    const data = sheet.filter((r) => r.row > header.row);
    const fileIssues = [...header.issues];
    const headers = header.headers;
    if (!header.ok) return { rows: [], fileIssues, language: header.language, headers };
    if (data.length > IMPORT_MAX_ROWS) {
      fileIssues.push(makeIssue(0, 'too_many_rows', { rows: data.length, max: IMPORT_MAX_ROWS }));
      return { rows: [], fileIssues, language: header.language, headers };
    }
    const rows: ImportedRow[] = [];
    for (let i = 0; i < data.length; i++) {
      const row = readProfileRow(data[i]!, header, normalize);
      if (row) rows.push(row);
      if ((i + 1) % ROWS_PER_TURN === 0) {
        progress(i + 1, data.length);
        await turn();
      }
    }
    progress(data.length, data.length);
    if (rows.length === 0) fileIssues.push(makeIssue(0, 'empty_file'));
    return { rows, fileIssues, language: header.language, headers };
  }

  /** Applies a prepared plan; refuses when rows failed unless `skipFailedRows`. */
  async apply(
    prepared: PreparedImport,
    actor: string,
    options: { skipFailedRows?: boolean } = {},
    progress: Progress = () => {},
  ): Promise<ImportResult> {
    const { preview, plan } = prepared;
    if (preview.errors.some((i) => i.row === 0))
      throw new AppError(
        'bad_request',
        'file: the file itself has errors (see the preview). Fix them and import it again.',
        'file',
      );
    if (plan.counts.failed > 0 && !options.skipFailedRows)
      throw new AppError(
        'bad_request',
        `skipFailedRows: ${plan.counts.failed} row(s) have errors. Fix them and import the file again, or apply with the failing rows left out.`,
        'skipFailedRows',
      );
    const seqBefore = await this.directory.latestSeq();
    const counts = plan.counts;
    const total = plan.writes.length;
    if (total === 0) return { counts, seqBefore, seqAfter: seqBefore, summary: summarise(counts) };
    const before = (trx: Transaction<Database>) => this.assertFresh(prepared, trx);
    const also = async (trx: Transaction<Database>) => {
      await this.audit.append(
        {
          type: PLATFORM_AUDIT_EVENT.directoryImported,
          actor,
          subject: `site:${preview.siteId}`,
          data: {
            kind: 'profile',
            siteId: preview.siteId,
            format: preview.format,
            fileHash: prepared.fileHash,
            ...counts,
            seqBefore,
          },
        },
        trx,
      );
    };
    const seqAfter = await this.directory.applyBatch(plan.writes, also, {
      before,
      progress: (d) => {
        if (d % WRITES_PER_REPORT === 0 || d === total) progress(d, total);
      },
    });
    return { counts, seqBefore, seqAfter: seqAfter ?? seqBefore, summary: summarise(counts) };
  }

  /** 409 when the site's profiles are no longer what the plan was made against. */
  async assertFresh(prepared: PreparedImport, db: Kysely<Database> = this.db): Promise<void> {
    const { fingerprint } = await this.siteProfiles(db, prepared.preview.siteId);
    if (fingerprint !== prepared.fingerprint)
      throw new AppError(
        'conflict',
        "The site's profiles changed since this file was checked. Import the file again to see what it would change now.",
      );
  }

  /** The site's profiles by id, and a fingerprint of exactly what is stored. */
  private async siteProfiles(db: Kysely<Database>, siteId: string) {
    const rows = await db
      .selectFrom('directory_records')
      .select(['id', 'data'])
      .where('kind', '=', 'profile')
      .where('site_id', '=', siteId)
      .orderBy('id')
      .execute();
    const hash = createHash('sha256');
    const current = new Map<string, ClientProfile>();
    for (const r of rows) {
      hash.update(r.id).update('\u0000').update(r.data).update('\u0000');
      current.set(r.id, JSON.parse(r.data) as ClientProfile);
    }
    return { current, fingerprint: hash.digest('hex') };
  }
}

function buildPreview(
  siteId: string,
  format: SheetFormat,
  language: ImportPreview['language'],
  rows: ImportedRow[],
  fileIssues: ImportIssue[],
  plan: ImportPlan,
): ImportPreview {
  const all = [...fileIssues, ...rows.flatMap((r) => r.issues)];
  const errors = all.filter((i) => i.severity === 'error');
  const warnings = all.filter((i) => i.severity === 'warning');
  const byRow = (a: ImportIssue, b: ImportIssue) => a.row - b.row;
  const fileErrors = fileIssues.some((i) => i.severity === 'error');
  return {
    siteId,
    format,
    language,
    rows: rows.length,
    counts: plan.counts,
    errorCount: errors.length,
    warningCount: warnings.length,
    errors: errors.sort(byRow).slice(0, PREVIEW_LIST_LIMIT),
    warnings: warnings.sort(byRow).slice(0, PREVIEW_LIST_LIMIT),
    added: plan.added.slice(0, PREVIEW_LIST_LIMIT),
    updated: plan.updated.slice(0, PREVIEW_LIST_LIMIT),
    deleted: plan.deleted.slice(0, PREVIEW_LIST_LIMIT),
    canApply: !fileErrors && errors.length === 0 && plan.writes.length > 0,
  };
}
