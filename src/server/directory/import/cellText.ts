/**
 * The forgiving part of reading one cell: surrounding spaces trimmed (non-breaking ones too),
 * `N/A` read as blank with a warning, and the apostrophe Excel users type before `@` or a leading
 * zero removed (with a warning before `@`). Over-long cells are errors.
 */
import type { ImportIssue, ProfileColumn } from '../../../shared/directory/import/index.js';
import { makeIssue } from './importIssues.js';
import type { SheetCell } from './sheetCells.js';

/** Longest cell accepted (an email address may be 254; titles and providers are short). */
export const MAX_CELL_LENGTH = 500;
const NOT_APPLICABLE = /^n\s*\/\s*a$/i;

export interface CellText {
  text: string;
  cell: SheetCell | undefined;
}

export function cellText(
  cell: SheetCell | undefined,
  row: number,
  column: ProfileColumn,
  header: string | undefined,
  issues: ImportIssue[],
): CellText {
  if (!cell || cell.text === '') return { text: '', cell };
  let text = cell.text.replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (NOT_APPLICABLE.test(text)) {
    issues.push(makeIssue(row, 'na_blank', { value: text }, column, header));
    return { text: '', cell };
  }
  if (text.startsWith("'")) {
    text = text.slice(1).trimStart();
    // Reported before an "@" (the seed's SMS gateway advice); elsewhere it is Excel's usual text marker.
    if (text.startsWith('@')) issues.push(makeIssue(row, 'apostrophe_stripped', { value: text }, column, header));
  }
  if (text.length > MAX_CELL_LENGTH) {
    issues.push(makeIssue(row, 'too_long', { length: text.length, max: MAX_CELL_LENGTH }, column, header));
    return { text: text.slice(0, MAX_CELL_LENGTH), cell };
  }
  return { text, cell };
}
