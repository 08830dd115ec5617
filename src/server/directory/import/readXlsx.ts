/**
 * Reads the first worksheet of an .xlsx file into text cells: by scanning its XML parts directly
 * (sheetXml.ts — a tenth of exceljs's time on a 20k-row file) when the file is an ordinary
 * workbook, else with exceljs's streaming reader. Excel hands back typed
 * values: numbers (a phone typed into a General column), hyperlinks (an email address Excel
 * auto-linked), rich text, formulas with their cached result, dates. Each becomes its text, and a
 * number keeps its value so the validator can explain what Excel did to it.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/api/index.js';
import type { SheetCell, SheetRow } from './sheetCells.js';
import { readSharedStrings, readSheetRows } from './sheetXml.js';
import { ZipEntryDamaged, zipEntries, zipEntryText } from './zipEntries.js';

type Value = ExcelJS.CellValue;

/** A formula cell's value: its cached result, when exceljs kept it, is `result`. */
const isFormula = (value: Value): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue =>
  typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);

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
  if (isFormula(value)) return cellOf((value.result as Value | undefined) ?? null);
  if ('error' in value) return { text: String(value.error) };
  return { text: '' };
}

const notReadable = () =>
  new AppError(
    'bad_request',
    'file: this is not a readable .xlsx workbook. Save it from Excel as "Excel Workbook (.xlsx)" or as CSV UTF-8, and import it again.',
    'file',
  );

/** Largest XML part read into memory (50,000 rows of 24 cells is ~60 MB); larger ones stream through exceljs. */
const MAX_PART_BYTES = 128 * 1024 * 1024;

/** The part a relationship target names, relative to `xl/` unless absolute. */
const partName = (target: string) =>
  target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');

/**
 * The first worksheet in the workbook's tab order, read directly; undefined when the file is not
 * an ordinary workbook (zip64, another compression, a part missing or too big, namespaced tags):
 * exceljs then reads it, or says it cannot.
 */
export function readXlsxDirectly(bytes: Uint8Array): SheetRow[] | undefined {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  // A readable zip with no workbook in it (a .docx, a folder zipped by hand): say so, as for a broken file.
  if (![...entries.keys()].some((name) => name.startsWith('xl/'))) throw notReadable();
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry && zipEntryText(bytes, entry, MAX_PART_BYTES);
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return undefined;
  const firstSheet = /<sheet\s[^>]*\br:id\s*=\s*["']([^"']+)["']/.exec(workbook)?.[1];
  if (!firstSheet) return undefined;
  const targets = new Map<string, { type: string; target: string }>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(m[0])?.[1];
    const [id, type, target] = [attr('Id'), attr('Type'), attr('Target')];
    if (id && type && target) targets.set(id, { type, target });
  }
  const sheetTarget = targets.get(firstSheet)?.target;
  const sheet = sheetTarget && text(partName(sheetTarget));
  if (!sheet || !sheet.includes('<sheetData')) return undefined;
  const stringsTarget = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'))?.target;
  const strings = stringsTarget ? text(partName(stringsTarget)) : '';
  if (strings === undefined) return undefined;
  return readSheetRows(sheet, readSharedStrings(strings));
}

export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  let rows: SheetRow[] | undefined;
  try {
    rows = readXlsxDirectly(bytes);
  } catch (e) {
    // Never handed to exceljs: its streaming unzip waits forever on a damaged deflate stream.
    if (e instanceof ZipEntryDamaged) throw notReadable();
    throw e;
  }
  return rows ?? (await readXlsxWithExceljs(bytes));
}

/**
 * The streaming reader: it skips styles and data validations (the full loader expands every
 * validated range cell by cell — most of the time of a 20k-row import) and keeps one row at a time.
 */
export async function readXlsxWithExceljs(bytes: Uint8Array): Promise<SheetRow[]> {
  try {
    return await streamRows(bytes);
  } catch {
    // exceljs 4.4's streaming reader fails on every 255th workbook a process reads (its workbook
    // model is missing when the first sheet arrives: "reading 'sheets'"; measured 225, 480, … in a
    // loop over one file), and reads the same bytes again fine. So an error is tried once more
    // before the file is called unreadable.
    try {
      return await streamRows(bytes);
    } catch {
      // exceljs's message names zip internals; a person needs to know what to send instead.
      throw notReadable();
    }
  }
}

async function streamRows(bytes: Uint8Array): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
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
      for (let col = 1; col < values.length; col++) {
        const value = values[col] ?? null;
        // A formula's `value` loses a falsy cached result (exceljs keeps `result: 0` only on the
        // cell itself): read it there, so a sum of 0 reads "0" as the direct reader has it.
        cells.push(cellOf(isFormula(value) ? { ...value, result: row.getCell(col).result } : value));
      }
      rows.push({ row: row.number, cells });
    }
    break; // the first worksheet holds the profiles
  }
  return rows;
}
