/** What the top-bar sync badge says, as a pure function of the sync state (tested). */
export type SyncStatusKind = 'syncing' | 'offline' | 'failed' | 'synced' | 'never';

export interface SyncStatusInput {
  syncing: boolean;
  /** Code of the last failed pull, if the last attempt failed. */
  errorCode: string | undefined;
  lastSyncAt: number | undefined;
  maxAgeSeconds: number | undefined;
  now: number;
  /** Main's heartbeat says the server does not answer (seconds after it stopped, not at the next sync). */
  serverUnreachable?: boolean;
}

export interface SyncStatusView {
  kind: SyncStatusKind;
  /** The cached data is older than the server's `maxAgeSeconds`. */
  stale: boolean;
  lastSyncAt: number | undefined;
}

export function describeSyncStatus({
  syncing,
  errorCode,
  lastSyncAt,
  maxAgeSeconds,
  now,
  serverUnreachable = false,
}: SyncStatusInput): SyncStatusView {
  const stale = lastSyncAt !== undefined && maxAgeSeconds !== undefined && now - lastSyncAt > maxAgeSeconds * 1000;
  const kind: SyncStatusKind = serverUnreachable
    ? 'offline'
    : syncing
      ? 'syncing'
      : errorCode === 'server_unreachable'
        ? 'offline'
        : errorCode
          ? 'failed'
          : lastSyncAt === undefined
            ? 'never'
            : 'synced';
  return { kind, stale, lastSyncAt };
}

/** "3 minutes ago", "2 days ago" in the given locale; undefined under 45 s (say "just now"). */
export function relativeTime(locale: string, from: number, now: number): string | undefined {
  const seconds = Math.round((from - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 45) return undefined;
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

/** "09:42" today, else "Mar 3, 09:42". */
export function clockTime(locale: string, at: number, now: number): string {
  const sameDay = new Date(at).toDateString() === new Date(now).toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(at);
}
