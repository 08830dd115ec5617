/**
 * Test support: spreadsheet files made the way people's tools make them — .xlsx written by exceljs
 * with numbers stored as numbers (what Excel does to a phone typed into a General column), CSV
 * with or without a BOM, `;` or `,`. Rows are arrays of cells in the given header's order.
 */
import ExcelJS from 'exceljs';
import { headerFor, PROFILE_COLUMNS, type ProfileColumn } from '../../../../shared/directory/import/index.js';
import type { Locale } from '../../../../shared/i18n/locales.js';

export type Cell = string | number | null;

/** A header row naming `columns` in `lang` (all columns by default). */
export const header = (columns: readonly ProfileColumn[] = PROFILE_COLUMNS, lang: Locale = 'en-US'): string[] =>
  columns.map((c) => headerFor(lang, c));

/** A row with `values` placed under `columns` (all columns by default), blanks elsewhere. */
export function row(
  values: Partial<Record<ProfileColumn, Cell>>,
  columns: readonly ProfileColumn[] = PROFILE_COLUMNS,
): Cell[] {
  return columns.map((c) => values[c] ?? null);
}

export async function xlsxFile(rows: Cell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const r of rows) sheet.addRow(r.map((c) => (c === null ? undefined : c)));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csvFile(rows: Cell[][], options: { bom?: boolean; delimiter?: ';' | ',' } = {}): Uint8Array {
  const d = options.delimiter ?? ',';
  const field = (c: Cell) => {
    const text = c === null ? '' : String(c);
    return text.includes(d) || text.includes('"') || /[\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const text = rows.map((r) => r.map(field).join(d)).join('\r\n') + '\r\n';
  return new Uint8Array(Buffer.from((options.bom ? '\uFEFF' : '') + text, 'utf8'));
}

/** Opens a workbook (e.g. an export) to edit it as a person would, and saves it again. */
export async function editXlsx(
  bytes: Uint8Array,
  edit: (sheet: ExcelJS.Worksheet, column: (c: ProfileColumn) => number) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  edit(sheet, (c) => PROFILE_COLUMNS.indexOf(c) + 1);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
