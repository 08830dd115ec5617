/**
 * Reads the saved settings once before the app's first paint, so the language and theme a technician
 * chose apply from the first frame (no flash of English or of the light theme). The result seeds the
 * settings query. If main cannot answer, the app still starts — in US English and the system theme —
 * and the console says why.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import type { CallsignApi, Settings } from '../../../shared/ipc/contract.js';
import { resolveLocale } from '../../app/i18n/createI18n.js';
import { settingsKeys } from './queries.js';

export async function loadStartSettings(
  api: CallsignApi,
  queryClient: QueryClient,
  i18n: i18n,
): Promise<Settings | undefined> {
  try {
    const settings = await api.invoke('settings.get', {});
    queryClient.setQueryData(settingsKeys.current(), settings);
    await i18n.changeLanguage(resolveLocale(settings.locale));
    return settings;
  } catch (err) {
    console.warn('Callsign: could not read the saved settings; starting in US English and the system theme', err);
    return undefined;
  }
}
