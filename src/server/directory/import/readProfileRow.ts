/**
 * Reads one data row into what the planner needs, collecting every issue (all errors of the row,
 * not just the first, so one round of fixes is enough). A row marked Delete needs only its id.
 */
import { ClientProfile } from '../../../shared/domain/index.js';
import {
  PHONE_SLOTS,
  matchYesNo,
  type ImportIssue,
  type PhoneSlot,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import { cellText, type CellText } from './cellText.js';
import { makeIssue } from './importIssues.js';
import type { NormalizePhone } from './phoneParses.js';
import { readPhoneSlot, type ImportedPhone } from './readPhoneSlot.js';
import type { HeaderMap } from './readHeader.js';
import type { SheetRow } from './sheetCells.js';

export interface ImportedRow {
  row: number;
  id?: string;
  delete: boolean;
  firstName: string;
  lastName: string;
  email?: string;
  title?: string;
  thinClient: boolean;
  phones: ImportedPhone[];
  /** The read-only PSA column as written, when it was. */
  psaContact?: boolean;
  /**
   * No phone number on the row: an error (planImport adds it) except for an existing profile that
   * has none either, so a directory holding such profiles still exports and re-imports unchanged.
   */
  noPhone: boolean;
  issues: ImportIssue[];
  failed: boolean;
}

const emailOk = (text: string) => ClientProfile.shape.email.safeParse(text).success;

/** Undefined for a blank row. */
export function readProfileRow(
  sheetRow: SheetRow,
  header: HeaderMap,
  normalize?: NormalizePhone,
): ImportedRow | undefined {
  if (sheetRow.cells.every((c) => c.text.trim() === '')) return undefined;
  const row = sheetRow.row;
  const issues: ImportIssue[] = [];
  const headerOf = (column: ProfileColumn) => header.headers.get(column);
  const read = (column: ProfileColumn): CellText => {
    const i = header.index.get(column);
    return cellText(i === undefined ? undefined : sheetRow.cells[i], row, column, headerOf(column), issues);
  };
  const yesNo = (column: ProfileColumn): boolean | undefined => {
    const { text } = read(column);
    if (!text) return undefined;
    const value = matchYesNo(text);
    if (value === undefined) issues.push(makeIssue(row, 'yes_no_invalid', { value: text }, column, headerOf(column)));
    return value;
  };

  const id = read('id').text || undefined;
  const del = yesNo('delete') ?? false;
  const base = { row, ...(id ? { id } : {}), delete: del, issues };
  if (del) {
    if (!id) issues.push(makeIssue(row, 'delete_without_id', {}, 'delete', headerOf('delete')));
    return finish({
      ...base,
      firstName: read('firstName').text,
      lastName: read('lastName').text,
      thinClient: false,
      phones: [],
      noPhone: false,
    });
  }

  const firstName = read('firstName').text;
  const lastName = read('lastName').text;
  if (!firstName) issues.push(makeIssue(row, 'first_name_required', {}, 'firstName', headerOf('firstName')));
  if (!lastName) issues.push(makeIssue(row, 'last_name_required', {}, 'lastName', headerOf('lastName')));
  const email = read('email').text;
  if (email && !emailOk(email))
    issues.push(makeIssue(row, 'email_invalid', { value: email }, 'email', headerOf('email')));
  const title = read('title').text;
  const thinClient = yesNo('thinClient') ?? false;
  const psaContact = yesNo('psaContact');

  const phones: ImportedPhone[] = [];
  let sawNumber = false;
  for (let slot = 1; slot <= PHONE_SLOTS; slot++) {
    const numberAt = header.index.get(`phone${slot as PhoneSlot}.number`);
    const raw = numberAt === undefined ? '' : (sheetRow.cells[numberAt]?.text.trim() ?? '');
    if (raw && !/^'?\s*n\s*\/\s*a$/i.test(raw)) sawNumber = true;
    const phone = readPhoneSlot(slot as PhoneSlot, read, headerOf, row, header.language ?? 'en-US', issues, normalize);
    if (phone) phones.push(phone);
  }

  return finish({
    ...base,
    firstName,
    lastName,
    ...(email ? { email } : {}),
    ...(title ? { title } : {}),
    thinClient,
    phones,
    noPhone: !sawNumber,
    ...(psaContact !== undefined ? { psaContact } : {}),
  });
}

function finish(r: Omit<ImportedRow, 'failed'>): ImportedRow {
  return { ...r, failed: r.issues.some((i) => i.severity === 'error') };
}
