/**
 * Text as the app's filters and the type-ahead compare it: lower case, without accents, so "muller"
 * finds "Müller". Printable ASCII has no accents to strip and skips the costly NFD normalisation
 * (most names and every query typed on an English keyboard).
 */
export function foldText(text: string): string {
  return (/^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
}
