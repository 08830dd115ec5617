/**
 * Reads the first worksheet of an .xlsx file (exceljs) into text cells. Excel hands back typed
 * values: numbers (a phone typed into a General column), hyperlinks (an email address Excel
 * auto-linked), rich text, formulas with their cached result, dates. Each becomes its text, and a
 * number keeps its value so the validator can explain what Excel did to it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/index.js';
import type { SheetCell, SheetRow } from './sheetCells.js';

type Value = ExcelJS.CellValue;

function cellOf(value: Value): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') return { text: String(value), numeric: value };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'Y' : 'N' };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) {
    const text = (value as { text?: unknown }).text;
    return cellOf(typeof text === 'string' || typeof text === 'object' ? (text as Value) : value.hyperlink);
  }
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: Value }).result ?? null);
  if ('error' in value) return { text: String(value.error) };
  return { text: '' };
}

/**
 * The streaming reader: it skips styles and data validations (the full loader expands every
 * validated range cell by cell — most of the time of a 20k-row import) and keeps one row at a time.
 */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as Value[];
        const cells: SheetCell[] = [];
        for (let col = 1; col < values.length; col++) cells.push(cellOf(values[col] ?? null));
        rows.push({ row: row.number, cells });
      }
      break; // the first worksheet holds the profiles
    }
  } catch {
    // exceljs's message names zip internals; a person needs to know what to send instead.
    throw new AppError(
      'bad_request',
      'file: this is not a readable .xlsx workbook. Save it from Excel as "Excel Workbook (.xlsx)" or as CSV UTF-8, and import it again.',
      'file',
    );
  }
  return rows;
}
