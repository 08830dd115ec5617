/** Case- and accent-insensitive "contains" over a row's visible text, for the admin filter boxes. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesFilter(filter: string, ...fields: string[]): boolean {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = fold(fields.join(' '));
  return words.every((w) => text.includes(w));
}
