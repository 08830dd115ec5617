/**
 * CSV form of the signed approval export (exportFormat.ts): RFC 4180 (CRLF, every cell quoted), a
 * header row, the rows with their chain hash, then one trailer line `#callsign-export-trailer,"<JSON>"`.
 */
import { EXPORT_COLUMNS, ROW_HASH_COLUMN, type ExportTrailer } from './exportFormat.js';

export const CSV_TRAILER_MARK = '#callsign-export-trailer';

const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
const line = (cells: readonly string[]) => cells.map(quote).join(',');

export function writeCsv(rows: readonly string[][], trailer: ExportTrailer): Buffer {
  const lines = [
    line([...EXPORT_COLUMNS, ROW_HASH_COLUMN]),
    ...rows.map(line),
    `${CSV_TRAILER_MARK},${quote(JSON.stringify(trailer))}`,
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Parses RFC 4180 text (quoted or bare cells, CRLF or LF); throws on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else cell += c;
    i++;
  }
  if (quoted) throw new Error('the file ends inside a quoted cell');
  if (cell !== '' || cells.length > 0) records.push([...cells, cell]);
  return records;
}

export interface ParsedExport {
  header: string[];
  rows: string[][];
  /** The trailer's raw JSON text; undefined when the file has none. */
  trailer: string | undefined;
}

export function readCsv(bytes: Buffer): ParsedExport {
  const [header = [], ...rest] = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  const rows: string[][] = [];
  let trailer: string | undefined;
  for (const r of rest) {
    if (r[0] === CSV_TRAILER_MARK) trailer = r[1];
    else if (!(r.length === 1 && r[0] === '')) rows.push(r);
  }
  return { header, rows, trailer };
}
