/**
 * Finds the header row (the first row with any text) and maps each column of the file to a profile
 * column, in whichever of the six app languages it was written; unknown and repeated headers are
 * warnings, a missing required column is an error that stops the import.
 */
import type { Locale } from '../../../shared/i18n/locales.js';
import {
  REQUIRED_COLUMNS,
  headerFor,
  matchHeader,
  type ImportIssue,
  type ProfileColumn,
} from '../../../shared/directory/import/index.js';
import { makeIssue } from './importIssues.js';
import type { SheetRow } from './sheetCells.js';

export interface HeaderMap {
  /** Header row number in the file. */
  row: number;
  /** Column index in the file → profile column. */
  index: Map<ProfileColumn, number>;
  headers: Map<ProfileColumn, string>;
  language: Locale | null;
  issues: ImportIssue[];
  /** False when a required column is missing. */
  ok: boolean;
}

export function readHeader(rows: readonly SheetRow[]): HeaderMap | undefined {
  const headerRow = rows.find((r) => r.cells.some((c) => c.text.trim() !== ''));
  if (!headerRow) return undefined;
  const index = new Map<ProfileColumn, number>();
  const headers = new Map<ProfileColumn, string>();
  const issues: ImportIssue[] = [];
  const votes = new Map<Locale, number>();
  headerRow.cells.forEach((cell, i) => {
    const text = cell.text.trim();
    if (!text) return;
    const match = matchHeader(text);
    if (!match) {
      issues.push(makeIssue(0, 'unknown_column', { header: text }, undefined, text));
      return;
    }
    if (index.has(match.column)) {
      issues.push(makeIssue(0, 'duplicate_column', { header: text }, match.column, text));
      return;
    }
    index.set(match.column, i);
    headers.set(match.column, text);
    if (match.lang) votes.set(match.lang, (votes.get(match.lang) ?? 0) + 1);
  });
  let ok = true;
  for (const column of REQUIRED_COLUMNS) {
    if (!index.has(column)) {
      ok = false;
      issues.push(makeIssue(0, 'missing_column', { expected: headerFor('en-US', column) }, column));
    }
  }
  const language = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return { row: headerRow.row, index, headers, language, issues, ok };
}
