/**
 * Every audit entry matching the filter, newest first, for the CSV export: pages of 500 through
 * `audit.list` until the server has no more, or `max` entries (a file a spreadsheet still opens).
 */
import type { AuditEntry } from '../../../shared/api/audit.js';
import type { CallsignApi } from '../../../shared/ipc/contract.js';

export const EXPORT_MAX = 100_000;
const PAGE = 500;

export async function fetchAllAudit(
  api: Pick<CallsignApi, 'invoke'>,
  type: string | null,
  onProgress: (loaded: number) => void = () => {},
  max = EXPORT_MAX,
): Promise<{ entries: AuditEntry[]; truncated: boolean }> {
  const entries: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await api.invoke('audit.list', {
      limit: Math.min(PAGE, max - entries.length),
      ...(before !== undefined ? { before } : {}),
      ...(type ? { type } : {}),
    });
    entries.push(...page.entries);
    onProgress(entries.length);
    if (page.next === null || page.entries.length === 0) return { entries, truncated: false };
    if (entries.length >= max) return { entries, truncated: true };
    before = page.next;
  }
}
