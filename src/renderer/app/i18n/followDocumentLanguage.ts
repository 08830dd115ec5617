import type { i18n } from 'i18next';

/**
 * Keeps `<html lang>` on the interface language, so screen readers pronounce it and the browser
 * hyphenates it correctly. Called once at boot, before the first render.
 */
export function followDocumentLanguage(instance: i18n, doc: Pick<Document, 'documentElement'>): void {
  doc.documentElement.lang = instance.language;
  instance.on('languageChanged', (lng) => (doc.documentElement.lang = lng));
}
