/**
 * i18next set up for the renderer. Every UI string lives in `en-US.json`; numbers are formatted by
 * i18next's Intl formatter (`{{count, number}}`), plurals use the `_one`/`_other` suffixes.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enUS from './en-US.json';
import approvalsEnUS from '../../features/approvals/i18n/en-US.json';
import siteEnUS from '../../features/site/i18n/en-US.json';
import accountEnUS from '../../features/account/i18n/en-US.json';
import adminEnUS from '../../features/admin/i18n/en-US.json';
import credentialsEnUS from '../../features/credentials/i18n/en-US.json';
import lookupEnUS from '../../features/lookup/i18n/en-US.json';
import callsEnUS from '../../features/calls/i18n/en-US.json';

export const SUPPORTED_LOCALES = ['en-US'] as const;

export function createI18n(locale = 'en-US'): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en-US',
    supportedLngs: [...SUPPORTED_LOCALES],
    resources: { 'en-US': { translation: { ...enUS, ...approvalsEnUS } } },
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  // Feature bundles (site view, references, type-ahead, favourites, account, admin, credentials), merged deeply into the app's.
  for (const bundle of [siteEnUS, accountEnUS, adminEnUS, credentialsEnUS, lookupEnUS, callsEnUS])
    instance.addResourceBundle('en-US', 'translation', bundle, true, false);
  return instance;
}
