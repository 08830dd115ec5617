/**
 * How lists of names sort (sites, a site's people, references): in the app's language, not the
 * operating system's. Letters sort differently by language: Spanish puts "ñ" after "n" ("Muñoz" after
 * "Murillo"), German phone-book style aside; the technician sees the order of the language they chose.
 * Base sensitivity (accents and case do not split equal names) and numeric ("Site 9" before "Site 10").
 * One collator per locale: building one costs more than thousands of comparisons.
 */
const collators = new Map<string, Intl.Collator>();

export function nameCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}
