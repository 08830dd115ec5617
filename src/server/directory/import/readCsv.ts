/**
 * A small RFC 4180 reader for profile CSV files (no CSV parser is a declared dependency; exceljs's
 * CSV support goes through streams and converts values): UTF-8 with or without a BOM, `;` or `,`
 * as Excel writes them depending on the region (the header line decides), quoted fields with
 * doubled quotes and line breaks, CRLF or LF.
 */
import { AppError } from '../../../shared/api/index.js';
import type { SheetRow } from './sheetCells.js';

/** The delimiter that splits the header line into more fields, outside quotes; `,` on a tie. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

export function decodeCsv(bytes: Uint8Array): string {
  try {
    // fatal: a file saved as Windows-1252 fails here instead of turning "é" into "�".
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      'bad_request',
      'file: this CSV file is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma delimited)" and import it again.',
      'file',
    );
  }
}

/** Parses CSV text into rows of text cells (blank lines kept as empty rows, so row numbers match the file). */
export function readCsv(bytes: Uint8Array): SheetRow[] {
  const text = decodeCsv(bytes);
  const delimiter = detectDelimiter(text);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endField = () => {
    cells.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push({ row: rows.length + 1, cells: cells.map((t) => ({ text: t })) });
    cells = [];
    rowStart = line;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else field += c;
  }
  if (quoted)
    throw new AppError(
      'bad_request',
      `file: a quoted field that starts on line ${rowStart} never ends. Close its quote (") and import again.`,
      'file',
    );
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}
