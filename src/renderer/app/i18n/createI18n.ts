/**
 * i18next set up for the renderer. Every UI string has a key in `en-US.json` (the app's, here, and
 * each feature's `features/<name>/i18n/en-US.json`) and a translation in every other supported
 * locale's `<locale>.json` beside it (scripts/i18n/catalogues.test.ts fails on a missing or extra key). Numbers
 * are formatted by i18next's Intl formatter (`{{count, number}}`), plurals use the `_one`/`_other`
 * (`_many`) suffixes that Intl.PluralRules picks per locale. All catalogues are bundled (about 40 KB
 * per locale): the saved language applies before the first paint, with no flash of English.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, Locale, SUPPORTED_LOCALES } from '../../../shared/i18n/locales.js';

export { SUPPORTED_LOCALES };

type Catalogue = Record<string, unknown>;

const files = import.meta.glob<Catalogue>(['./*.json', '../../features/*/i18n/*.json'], {
  eager: true,
  import: 'default',
});

/** Every catalogue file grouped by locale (the file name), feature bundles after the app's. */
export function cataloguesByLocale(): Map<string, Catalogue[]> {
  const byLocale = new Map<string, Catalogue[]>();
  for (const path of Object.keys(files).sort((a, b) => Number(a.startsWith('../')) - Number(b.startsWith('../')))) {
    const locale = /([^/]+)\.json$/.exec(path)?.[1];
    if (!locale) continue;
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), files[path]!]);
  }
  return byLocale;
}

/** The supported locale for a stored or browser value ("de-AT" → "de", "en-AU" → "en-GB"), else en-US. */
export function resolveLocale(value: string | undefined): Locale {
  if (!value) return DEFAULT_LOCALE;
  const exact = Locale.safeParse(value);
  if (exact.success) return exact.data;
  const language = value.split('-')[0]?.toLowerCase();
  if (language === 'en') return /^en-US$/i.test(value) ? 'en-US' : 'en-GB';
  return Locale.safeParse(language).data ?? DEFAULT_LOCALE;
}

export function createI18n(locale: string = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: resolveLocale(locale),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: {},
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  // Bundles merge deeply: two features may add keys under one namespace (`siteView`).
  for (const [lng, bundles] of cataloguesByLocale())
    for (const bundle of bundles) instance.addResourceBundle(lng, 'translation', bundle, true, false);
  return instance;
}
