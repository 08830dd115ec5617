/**
 * Checks a signed approval export (exportFormat.ts), CSV or XLSX (told apart by the ZIP signature):
 * the trailer parses, the signature matches when a key is given, every row follows the one before it
 * in the hash chain, the row count and the final hash match the trailer. Says which row is the first
 * that does not hold (1-based, as a spreadsheet numbers data rows after the header).
 */
import { readCsv, type ParsedExport } from './csvExport.js';
import {
  EXPORT_COLUMNS,
  ExportTrailer,
  ROW_HASH_COLUMN,
  nextHash,
  signatureMatches,
  startHash,
} from './exportFormat.js';
import { readXlsx } from './xlsxExport.js';

export type ExportVerdict =
  | { valid: true; format: 'csv' | 'xlsx'; rows: number; signed: boolean; trailer: ExportTrailer }
  | { valid: false; format: 'csv' | 'xlsx'; problem: string; row?: number };

const isZip = (bytes: Buffer) => bytes.length > 3 && bytes.readUInt32LE(0) === 0x04034b50;

export async function verifyExport(bytes: Buffer, key: Buffer | undefined): Promise<ExportVerdict> {
  const format = isZip(bytes) ? 'xlsx' : 'csv';
  let parsed: ParsedExport;
  try {
    parsed = format === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  } catch (err) {
    return { valid: false, format, problem: `the file does not read as an export (${(err as Error).message})` };
  }
  const bad = (problem: string, row?: number): ExportVerdict => ({
    valid: false,
    format,
    problem,
    ...(row !== undefined ? { row } : {}),
  });
  if (parsed.trailer === undefined)
    return bad('it has no trailer: it is not a signed export, or the trailer was removed');
  let trailer: ExportTrailer;
  try {
    trailer = ExportTrailer.parse(JSON.parse(parsed.trailer));
  } catch {
    return bad('the trailer was altered: it no longer parses');
  }
  if (key && trailer.signature === null)
    return bad('the trailer carries no signature, but this server signs its exports');
  if (key && !signatureMatches(key, trailer))
    return bad('the trailer was altered: its signature does not match the server key');
  const expectedHeader = [...EXPORT_COLUMNS, ROW_HASH_COLUMN];
  if (parsed.header.join('\u0000') !== expectedHeader.join('\u0000')) return bad('the header row was altered');
  let h = startHash(trailer.meta);
  for (let i = 0; i < parsed.rows.length; i++) {
    const row = parsed.rows[i]!;
    const cells = row.slice(0, EXPORT_COLUMNS.length);
    const stated = row[EXPORT_COLUMNS.length] ?? '';
    h = nextHash(h, cells);
    if (h !== stated) {
      return bad(
        i === 0
          ? 'row 1 does not follow the trailer: row 1 was altered, or the trailer (filter, count or audit head) was'
          : `row ${i + 1} was altered, or a row before it was removed, added or moved`,
        i + 1,
      );
    }
  }
  if (parsed.rows.length !== trailer.meta.rowCount)
    return bad(
      `the file has ${parsed.rows.length} rows but was exported with ${trailer.meta.rowCount}: rows were removed or added at the end`,
      parsed.rows.length + 1,
    );
  if (h !== trailer.rowsHash) return bad("the rows do not end in the trailer's rows hash: the trailer was altered");
  return { valid: true, format, rows: parsed.rows.length, signed: key !== undefined, trailer };
}
