/**
 * Matching a requested software name against the site's Unlicensed Software list (APPROVALS.md §3.3,
 * a **(choice)**): case-insensitive, ignoring version suffixes, so "Zoom 5.17.2", "zoom v6",
 * "Zoom Version 6.1", "Zoom (x64)" and "ZOOM 64-bit" all match a list entry "Zoom".
 *
 * What counts as a version suffix: a trailing dotted number ("5.17.2", "23.01", "5.x"), a trailing
 * "v6"/"version 6", an architecture tag ("x64", "x86", "arm64", "64-bit") and any bracketed
 * qualifier ("(x64)", "[beta]"). A bare trailing integer is NOT stripped because it is often part of
 * the product name ("Office 365", "Windows 11"); so "Python 3" does not match "Python".
 * Both sides are reduced the same way, and there is no prefix or fuzzy matching: "Zoom Workplace"
 * does not match "Zoom" — a near miss falls back to the category policy, which is the safe side.
 */
import type { SoftwareAction, UnlicensedSoftware } from './schemas.js';

const TRAILING_QUALIFIER =
  /[\s,_–-]+(?:v(?:ersion)?\.?\s*\d[\w.*-]*|\d+(?:\.[\dx*]+)+[\w-]*|x64|x86|amd64|arm64|(?:32|64)[\s-]?bit)$/;

/** The key two software names are compared by. */
export function softwareKey(name: string): string {
  let s = ` ${name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')}`
    .replace(/\s+/g, ' ')
    .trimEnd();
  for (let before = ''; before !== s;) {
    before = s;
    s = s.replace(TRAILING_QUALIFIER, '');
  }
  return s.trim();
}

/** Most restrictive first: if two entries match (e.g. "Zoom" and "Zoom (x64)"), the stricter wins. */
const STRICTNESS: Record<SoftwareAction, number> = { never: 2, call_approver: 1, install: 0 };

/** The list entry that decides for `software`, or undefined when it is not on the list. */
export function findUnlicensedEntry(
  list: readonly UnlicensedSoftware[],
  software: string,
): UnlicensedSoftware | undefined {
  const key = softwareKey(software);
  if (!key) return undefined;
  let found: UnlicensedSoftware | undefined;
  for (const entry of list) {
    if (softwareKey(entry.name) !== key) continue;
    if (!found || STRICTNESS[entry.action] > STRICTNESS[found.action]) found = entry;
  }
  return found;
}
