/** The Sites page filter: every word must appear in the name, company, domain or (as digits) a main number. */
import type { Site } from '../../../shared/domain/index.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The sites `filter` matches, favourites first, then by name in `locale`'s order (the app's language). */
export function filterSites(
  sites: readonly Site[],
  filter: string,
  locale: string,
  favourites: ReadonlySet<string> = new Set(),
): Site[] {
  const collator = nameCollator(locale);
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const rows = sites.filter((s) => {
    if (!words.length) return true;
    const text = fold(`${s.name} ${s.companyName} ${s.emailDomain ?? ''} ${s.country}`);
    const digits = s.mainPhones.map((n) => n.replace(/\D/g, '')).join(' ');
    return words.every((w) => {
      const d = w.replace(/\D/g, '');
      return /^[\d()+\-./]+$/.test(w) && d.length >= 3 ? digits.includes(d) : text.includes(w);
    });
  });
  // Favourites first, then by name.
  return rows.sort(
    (a, b) => Number(favourites.has(b.id)) - Number(favourites.has(a.id)) || collator.compare(a.name, b.name),
  );
}
