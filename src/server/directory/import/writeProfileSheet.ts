/**
 * Export of a site's profiles (or the blank template) as .xlsx or CSV. The workbook: headers in
 * the requested language, header row frozen, phone and country columns formatted as Text (so Excel
 * keeps leading zeros and "+"), drop-down lists for country, phone type and Y/N, the PSA contact
 * column grey and locked, the id column hidden and locked (sheet protection without a password:
 * it prevents accidents, not a determined edit — import ignores PSA and checks ids anyway).
 */
import ExcelJS from 'exceljs';
import { getCountries } from 'libphonenumber-js/max';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import {
  PROFILE_COLUMNS,
  parsePhoneColumn,
  phoneTypeLabel,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { headerRow, profileRow, sortForSheet } from './profileSheetRows.js';

/** Rows below the data that still get the drop-down lists, for people adding profiles. */
const SPARE_ROWS = 1000;
const LOCKED: ReadonlySet<ProfileColumn> = new Set(['psaContact', 'id']);
const GREY: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE0E0E0' } };

/** exceljs has worksheet-level data validations by range, missing from its type declarations. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function listFor(column: ProfileColumn, lang: Locale, countries: number): string | undefined {
  const phone = parsePhoneColumn(column);
  if (phone?.field === 'country') return `Lists!$A$1:$A$${countries}`;
  if (phone?.field === 'type')
    return `"${(['mobile', 'office', 'home', 'other'] as const).map((t) => phoneTypeLabel(lang, t)).join(',')}"`;
  if (column === 'thinClient') return '"Y,N"';
  if (column === 'delete') return '"Y"';
  return undefined;
}

export async function writeProfileXlsx(site: Site, profiles: readonly ClientProfile[], lang: Locale): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Callsign';
  const sheet = workbook.addWorksheet('Profiles', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('Lists', { state: 'veryHidden' });
  const countries = getCountries().slice().sort();
  countries.forEach((c, i) => (lists.getCell(i + 1, 1).value = c));

  const lastRow = profiles.length + 1 + SPARE_ROWS;
  // Column styles first: cells added afterwards take their column's format and protection.
  PROFILE_COLUMNS.forEach((column, i) => {
    const col = sheet.getColumn(i + 1);
    const phone = parsePhoneColumn(column);
    col.width = column === 'email' ? 32 : phone?.field === 'country' ? 10 : 18;
    if (phone?.field === 'number' || phone?.field === 'country') col.numFmt = '@';
    col.protection = { locked: LOCKED.has(column) };
    if (column === 'psaContact') col.fill = GREY;
    if (column === 'id') col.hidden = true;
    const formula = listFor(column, lang, countries.length);
    if (formula) {
      validations(sheet).add(`${columnLetter(i)}2:${columnLetter(i)}${lastRow}`, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
      });
    }
  });
  const head = sheet.addRow(headerRow(lang));
  head.font = { bold: true };
  head.eachCell((cell) => (cell.protection = { locked: true }));
  for (const p of sortForSheet(profiles)) sheet.addRow(profileRow(p, site, lang));
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    sort: true,
    autoFilter: true,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell starting with = + - @ would run as a formula when the CSV is opened in a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM (so Excel reads accents right), comma-separated, CRLF line ends. */
export function writeProfileCsv(site: Site, profiles: readonly ClientProfile[], lang: Locale): Buffer {
  const lines = [headerRow(lang), ...sortForSheet(profiles).map((p) => profileRow(p, site, lang))].map((cells) =>
    cells.map(csvField).join(','),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
