/**
 * Editing a site's group and partner contacts (seeds/002: "You can use a group contact as an
 * approver … To create a group contact, navigate to … Group Contacts"). A policy's approvers are
 * copies of the contact (the record syncs to desktops whole, so the wizard dials offline): when a
 * contact is renamed or its numbers change, every rule that lists it must carry the change, and a
 * removed contact must leave the rules, or the help desk would dial a number the site took away.
 * Approvers are matched to contacts as the approvers editor matches them: kind and name.
 */
import type { SitePolicyRecord } from '../../../shared/api/approvals.js';
import type { Approver, SitePolicies } from '../../../shared/approvals/index.js';

export type ContactList = 'groupContacts' | 'partnerContacts';

export const CONTACT_KIND: Record<ContactList, Approver['kind']> = {
  groupContacts: 'group',
  partnerContacts: 'partner',
};

const same = (a: Approver, b: Approver) => a.kind === b.kind && !a.profileId && a.name === b.name;

/** `next` replaces contact `index` of `list` (undefined removes it), in the list and in every rule. */
export function editContact(
  record: SitePolicyRecord,
  list: ContactList,
  index: number,
  next: Approver | undefined,
): SitePolicyRecord {
  const old = record[list][index];
  if (!old) return record;
  const contacts = next
    ? record[list].map((c, i) => (i === index ? next : c))
    : record[list].filter((_, i) => i !== index);
  const policies: SitePolicies = { ...record.policies };
  for (const category of rulesUsing(record, list, index)) {
    const policy = policies[category]!;
    policies[category] = {
      ...policy,
      approvers: policy.approvers.flatMap((a) => (same(a, old) ? (next ? [next] : []) : [a])),
    };
  }
  return { ...record, [list]: contacts, policies };
}

/** The rules (categories) that list contact `index` of `list`: shown before it is removed. */
export function rulesUsing(record: SitePolicyRecord, list: ContactList, index: number): (keyof SitePolicies)[] {
  const c = record[list][index];
  if (!c) return [];
  return (Object.keys(record.policies) as (keyof SitePolicies)[]).filter((k) =>
    record.policies[k]?.approvers.some((a) => same(a, c)),
  );
}

/** A new contact of `list`'s kind with one empty number, ready to fill in. */
export function blankContact(list: ContactList): Approver {
  return { kind: CONTACT_KIND[list], name: '', phones: [{ number: '', type: 'office' }] };
}
