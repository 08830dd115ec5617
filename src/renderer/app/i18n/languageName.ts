/**
 * A language's name in that language ("Deutsch", "British English"), as language menus show them:
 * someone who cannot read the current language still finds their own. From Intl.DisplayNames (CLDR),
 * so no catalogue needs the names.
 */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
