/**
 * The review's filter lives in the hash route's query (`#/audit/approvals?siteId=…&flagged=true`), so a
 * filtered view is a link (the Audit page links back to a record with `record=<id>`). A value the
 * shared schema refuses (a hand-edited link) is dropped, never sent.
 */
import { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';

export const FILTER_KEYS = Object.keys(ApprovalFilter.shape) as Array<keyof ApprovalFilter>;
/** The record whose timeline is open. */
export const RECORD_PARAM = 'record';

export function filterFromSearch(params: URLSearchParams): ApprovalFilter {
  const filter: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const one = ApprovalFilter.shape[key].safeParse(raw);
    if (one.success && one.data !== undefined && one.data !== false) filter[key] = one.data;
  }
  return filter as ApprovalFilter;
}

/** `params` with the filter's keys replaced by `filter` (other keys, like `record`, kept). */
export function withFilter(params: URLSearchParams, filter: ApprovalFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of FILTER_KEYS) next.delete(key);
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value !== undefined && value !== false) next.set(key, String(value));
  }
  return next;
}

/** The filter with one key set (or removed with `undefined`). */
export function setFilterKey<K extends keyof ApprovalFilter>(
  filter: ApprovalFilter,
  key: K,
  value: ApprovalFilter[K] | undefined,
): ApprovalFilter {
  const next = { ...filter };
  if (value === undefined || value === false) delete next[key];
  else next[key] = value;
  return next;
}

/** A UTC calendar day (`YYYY-MM-DD`, as the stats give days) as the filter's [from, to) range. */
export function dayRange(day: string): Pick<ApprovalFilter, 'from' | 'to'> {
  const from = new Date(`${day}T00:00:00.000Z`);
  return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
}
