import { useTranslation } from 'react-i18next';
import { useNow } from '../sync/useNow.js';
import { useSyncMeta } from '../sync/useSyncMeta.js';
import { describeFreshness, type Freshness } from './freshness.js';

/** How fresh the cached directory is now (re-evaluated every 30 s). */
export function useFreshness(): Freshness {
  const { i18n } = useTranslation();
  const meta = useSyncMeta();
  const now = useNow();
  return describeFreshness({
    lastSyncAt: meta?.lastSyncAt,
    maxAgeSeconds: meta?.maxAgeSeconds,
    now,
    locale: i18n.language,
  });
}
