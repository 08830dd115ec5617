/**
 * CSV as RFC 4180 writes it: fields joined by commas, records by CRLF; a field holding `"`, `,`, CR
 * or LF is wrapped in double quotes with inner quotes doubled. Against spreadsheet formula injection
 * (OWASP "CSV injection"), a field starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so
 * Excel, LibreOffice and Sheets show it as text instead of evaluating it.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised and quoted as needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Whole CSV text for `rows` (the first row is usually the header), ending with CRLF. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
