/**
 * Plans an import against the site's current profiles: a row with an id updates that profile (or
 * leaves it unchanged), a row with Delete = Y deletes it, a row without an id adds a profile.
 * Checks that need the whole file and the site: ids that are not this site's or appear twice, an
 * email another profile already has (error), a phone another profile already has (warning — shared
 * lines exist). Failing rows are counted and never written.
 */
import { canonicalJson } from '../../../shared/chain/canonicalJson.js';
import { ClientProfile, fullName } from '../../../shared/domain/index.js';
import type { ImportCounts, PlannedRow } from '../../../shared/directory/import/index.js';
import { normalizePhone } from '../../../shared/phone/normalizePhone.js';
import type { BatchWrite } from '../DirectoryStore.js';
import { makeIssue } from './importIssues.js';
import { changedColumns, importedPhoneKey, mergeProfile, storedPhoneKey } from './mergeProfile.js';
import type { NormalizePhone } from './phoneParses.js';
import type { ImportedRow } from './readProfileRow.js';

export interface ImportPlan {
  counts: ImportCounts;
  /** Writes of the rows without errors, in file order. */
  writes: BatchWrite[];
  added: PlannedRow[];
  updated: PlannedRow[];
  deleted: PlannedRow[];
}

interface Owner {
  id: string | undefined;
  name: string;
}

export function planImport(
  rows: ImportedRow[],
  site: { id: string; country: string },
  current: ReadonlyMap<string, ClientProfile>,
  newId: () => string,
  normalize: NormalizePhone = normalizePhone,
): ImportPlan {
  const e164Of = (number: string, country: string) => {
    const n = normalize(number, country);
    return n.ok ? n.e164 : number;
  };
  const touched = new Set<string>();
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    if (!r.id) continue;
    if (!current.has(r.id)) r.issues.push(makeIssue(r.row, 'id_unknown', { value: r.id }, 'id'));
    else if (firstRowOf.has(r.id))
      r.issues.push(makeIssue(r.row, 'id_repeated', { value: r.id, otherRow: firstRowOf.get(r.id)! }, 'id'));
    else firstRowOf.set(r.id, r.row);
    touched.add(r.id);
  }
  for (const r of rows) {
    const existing = r.id ? current.get(r.id) : undefined;
    if (r.noPhone && !r.delete && !(existing && existing.phones.length === 0))
      r.issues.push(makeIssue(r.row, 'phone_required', {}, 'phone1.number'));
  }

  // Who holds each email and phone once the file is applied: untouched profiles, then rows in order.
  const emails = new Map<string, Owner>();
  const phones = new Map<string, Owner>();
  for (const p of current.values()) {
    if (touched.has(p.id)) continue;
    if (p.email) emails.set(p.email.toLowerCase(), { id: p.id, name: fullName(p) });
    for (const ph of p.phones)
      phones.set(e164Of(ph.number, ph.country ?? site.country), { id: p.id, name: fullName(p) });
  }
  for (const r of rows) {
    if (r.delete) continue;
    const me: Owner = { id: r.id, name: fullName(r) || `row ${r.row}` };
    const other = (o: Owner | undefined) => o && (o.id === undefined || o.id !== r.id) && o !== me;
    if (r.email) {
      const key = r.email.toLowerCase();
      const owner = emails.get(key);
      if (other(owner))
        r.issues.push(makeIssue(r.row, 'email_duplicate', { value: r.email, other: owner!.name }, 'email'));
      else emails.set(key, me);
    }
    for (const ph of r.phones) {
      const key = ph.number.split(' ext ')[0]!;
      const owner = phones.get(key);
      if (other(owner))
        r.issues.push(
          makeIssue(r.row, 'phone_duplicate', { value: ph.number, other: owner!.name }, `phone${ph.slot}.number`),
        );
      else phones.set(key, me);
    }
  }

  const plan: ImportPlan = {
    counts: { added: 0, updated: 0, deleted: 0, unchanged: 0, failed: 0 },
    writes: [],
    added: [],
    updated: [],
    deleted: [],
  };
  for (const r of rows) {
    r.failed = r.issues.some((i) => i.severity === 'error');
    if (r.failed) {
      plan.counts.failed++;
      continue;
    }
    const ref = { row: r.row, firstName: r.firstName, lastName: r.lastName };
    const existing = r.id ? current.get(r.id) : undefined;
    if (r.delete) {
      plan.counts.deleted++;
      plan.deleted.push({ ...ref, id: r.id!, firstName: existing!.firstName, lastName: existing!.lastName });
      plan.writes.push({ op: 'delete', kind: 'profile', id: r.id! });
      continue;
    }
    if (existing && r.psaContact !== undefined && r.psaContact !== existing.psaContact)
      r.issues.push(makeIssue(r.row, 'read_only_ignored', {}, 'psaContact'));
    const id = existing?.id ?? newId();
    const parsed = ClientProfile.safeParse(mergeProfile(r, id, site.id, site.country, existing, normalize));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      r.issues.push(makeIssue(r.row, 'invalid_value', { field: issue.path.join('.'), reason: issue.message }));
      r.failed = true;
      plan.counts.failed++;
      continue;
    }
    const profile = parsed.data;
    if (existing) quietUnchangedPhones(r, existing, site.country, normalize);
    if (existing && canonicalJson(existing) === canonicalJson(profile)) {
      plan.counts.unchanged++;
      continue;
    }
    plan.writes.push({ op: 'upsert', kind: 'profile', id, siteId: site.id, data: JSON.stringify(profile) });
    if (existing) {
      plan.counts.updated++;
      plan.updated.push({ ...ref, id, changed: changedColumns(existing, profile) });
    } else {
      plan.counts.added++;
      plan.added.push(ref);
    }
  }
  return plan;
}

/** "Read as …" notes on a phone the profile already has, unchanged, tell the admin nothing: drop them. */
function quietUnchangedPhones(
  r: ImportedRow,
  existing: ClientProfile,
  siteCountry: string,
  normalize: NormalizePhone,
): void {
  const stored = new Set(existing.phones.map((p) => storedPhoneKey(p, siteCountry, normalize)));
  r.issues = r.issues.filter((i) => {
    if (i.code !== 'digits_normalised' || !i.column) return true;
    const phone = r.phones.find((p) => `phone${p.slot}.number` === i.column);
    return !phone || !stored.has(importedPhoneKey(phone));
  });
}
