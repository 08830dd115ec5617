/**
 * Filter and sort for the People table (pure; tested). The filter matches every word typed against
 * the person's name, title, email and phone numbers (digits compared without punctuation); sorting
 * is by last name then first name unless another column is chosen.
 */
import type { ClientProfile } from '../../../shared/domain/index.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';
import { foldText } from '../../../shared/search/foldText.js';

export type PeopleSortKey = 'name' | 'email' | 'thinClient' | 'psaContact';
export type SortDirection = 'asc' | 'desc';

export interface PeopleView {
  filter: string;
  sortBy: PeopleSortKey;
  direction: SortDirection;
}

function haystack(p: ClientProfile): { text: string; digits: string } {
  const text = foldText(
    [
      p.firstName,
      p.lastName,
      p.title ?? '',
      p.email ?? '',
      ...p.phones.flatMap((ph) => [ph.provider ?? '', ph.smsGateway ?? '']),
    ].join(' '),
  );
  const digits = p.phones.map((ph) => ph.number.replace(/\D/g, '')).join(' ');
  return { text, digits };
}

export function matchesPeopleFilter(p: ClientProfile, filter: string): boolean {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { text, digits } = haystack(p);
  return words.every((w) => {
    const d = w.replace(/[^\d]/g, '');
    if (d.length >= 3 && /^[\d()+\-./]+$/.test(w)) return digits.includes(d);
    return text.includes(w);
  });
}

function compare(a: ClientProfile, b: ClientProfile, by: PeopleSortKey, collator: Intl.Collator): number {
  const byName = collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
  switch (by) {
    case 'name':
      return byName;
    case 'email':
      return collator.compare(a.email ?? '', b.email ?? '') || byName;
    case 'thinClient':
      return Number(b.thinClient) - Number(a.thinClient) || byName;
    case 'psaContact':
      return Number(b.psaContact) - Number(a.psaContact) || byName;
  }
}

/** The people `view` shows, sorted in `locale`'s order (the app's language). */
export function filterAndSortPeople(
  people: readonly ClientProfile[],
  view: PeopleView,
  locale: string,
): ClientProfile[] {
  const rows = people.filter((p) => matchesPeopleFilter(p, view.filter));
  const sign = view.direction === 'asc' ? 1 : -1;
  const collator = nameCollator(locale);
  return rows.sort((a, b) => sign * compare(a, b, view.sortBy, collator));
}
