import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../features/settings/useSettings.js';
import { resolveLocale } from './createI18n.js';

/** Follows the saved language (the globe menu and the Settings page change it through settings.set). */
export function useApplyLanguage(): void {
  const { i18n } = useTranslation();
  const locale = useSettings().data?.locale;
  useEffect(() => {
    if (!locale) return;
    const next = resolveLocale(locale);
    if (i18n.language !== next)
      i18n.changeLanguage(next).catch((err: unknown) => console.warn(`Callsign: could not switch to ${next}`, err));
  }, [i18n, locale]);
}
