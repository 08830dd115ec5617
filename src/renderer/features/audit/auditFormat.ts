/**
 * Pure helpers for the Audit tab: a one-line summary of an entry's `data` and the CSV export rows.
 * Audit data holds no secrets by design; still, a value shaped like a bearer token or JWT is shown
 * masked, so a mistake on the server side never ends up on screen or in an export.
 */
import type { AuditEntry } from '../../../shared/api/audit.js';

const TOKEN_LIKE = /^(Bearer\s+\S+|eyJ[\w-]+\.[\w-]+\.[\w-]*)$/;
export const MASKED = '••••••';

function show(value: unknown): string {
  if (typeof value === 'string') return TOKEN_LIKE.test(value) ? MASKED : value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && TOKEN_LIKE.test(v) ? MASKED : v));
}

/** `key: value · key: value`, cut at `max` characters with an ellipsis; empty data gives ''. */
export function summarizeData(data: Record<string, unknown>, max = 140): string {
  const text = Object.entries(data)
    .map(([k, v]) => `${k}: ${show(v)}`)
    .join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Header + one row per entry, as exported: raw type and readable label, ISO time, full data as JSON. */
export function auditCsvRows(
  entries: readonly AuditEntry[],
  label: (type: string) => string,
  actorName: (actor: string) => string,
): string[][] {
  return [
    ['seq', 'time', 'type', 'event', 'actor', 'subject', 'data', 'hash'],
    ...entries.map((e) => [
      String(e.seq),
      e.at,
      e.type,
      label(e.type),
      actorName(e.actor),
      e.subject,
      show(e.data),
      e.hash,
    ]),
  ];
}

/** Saves `text` as a file through a temporary Blob URL (Electron and the browser both show the download). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
