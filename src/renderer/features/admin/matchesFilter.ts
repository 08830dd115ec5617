import { foldText } from '../../../shared/search/foldText.js';

/** Case- and accent-insensitive "contains" over a row's visible text, for the admin filter boxes. */
export function matchesFilter(filter: string, ...fields: string[]): boolean {
  const words = foldText(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = foldText(fields.join(' '));
  return words.every((w) => text.includes(w));
}
