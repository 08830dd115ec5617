/**
 * Which references a site view lists, and the kind/text filter over them (pure; tested).
 * A site sees the references assigned to it plus those assigned to all sites. The text filter
 * matches every word against the subject, tags and body (summary, symptoms, steps).
 */
import type { Reference, ReferenceKind } from '../../../shared/domain/index.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';
import { foldText } from '../../../shared/search/foldText.js';

export interface ReferenceFilter {
  /** Kinds to show; empty = all kinds. */
  kinds: readonly ReferenceKind[];
  text: string;
}

export const REFERENCE_KINDS: readonly ReferenceKind[] = ['known_error', 'how_to', 'other'];

export function appliesToSite(r: Reference, siteId: string): boolean {
  return r.allSites || r.siteIds.includes(siteId);
}

function searchableText(r: Reference): string {
  return foldText(
    [
      r.subject,
      ...r.tags,
      r.body.summary,
      ...r.body.symptoms,
      ...r.body.steps,
      r.body.escalation?.contact ?? '',
      r.body.escalation?.note ?? '',
    ].join('\n'),
  );
}

export function filterReferences(refs: readonly Reference[], filter: ReferenceFilter): Reference[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  const kinds = new Set(filter.kinds);
  return refs.filter((r) => {
    if (kinds.size && !kinds.has(r.kind)) return false;
    if (!words.length) return true;
    const text = searchableText(r);
    return words.every((w) => text.includes(w));
  });
}

/** Site-specific references first, then all-site ones; each group by subject, in `locale`'s order. */
export function sortReferences(refs: readonly Reference[], locale: string): Reference[] {
  const collator = nameCollator(locale);
  return [...refs].sort((a, b) => Number(a.allSites) - Number(b.allSites) || collator.compare(a.subject, b.subject));
}
