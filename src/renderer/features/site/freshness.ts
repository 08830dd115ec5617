/**
 * How fresh the cached directory is, for the "Synced 3 minutes ago" line next to each record. The
 * cache has one sync time for everything (`meta.lastSyncAt`); data older than the server's
 * `maxAgeSeconds` is stale and the UI says so in words.
 */
import { relativeTime } from '../sync/describeSyncStatus.js';

export interface Freshness {
  /** `never`: nothing synced yet; `justNow`: under 45 s; `ago`: `ago` holds "3 minutes ago". */
  kind: 'never' | 'justNow' | 'ago';
  ago?: string;
  stale: boolean;
  /** The allowed age in whole hours (for the stale explanation). */
  maxAgeHours?: number;
}

export function describeFreshness(input: {
  lastSyncAt: number | undefined;
  maxAgeSeconds: number | undefined;
  now: number;
  locale: string;
}): Freshness {
  const { lastSyncAt, maxAgeSeconds, now, locale } = input;
  const maxAgeHours = maxAgeSeconds !== undefined ? Math.max(1, Math.round(maxAgeSeconds / 3600)) : undefined;
  if (lastSyncAt === undefined) return { kind: 'never', stale: false, ...(maxAgeHours ? { maxAgeHours } : {}) };
  const stale = maxAgeSeconds !== undefined && now - lastSyncAt > maxAgeSeconds * 1000;
  const ago = relativeTime(locale, lastSyncAt, now);
  return { kind: ago ? 'ago' : 'justNow', ...(ago ? { ago } : {}), stale, ...(maxAgeHours ? { maxAgeHours } : {}) };
}
