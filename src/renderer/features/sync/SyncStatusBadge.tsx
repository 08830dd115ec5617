import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import SyncOutlined from '@mui/icons-material/SyncOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { clockTime, describeSyncStatus, relativeTime } from './describeSyncStatus.js';
import { useDirectorySync } from './useDirectorySync.js';
import { useSyncMeta } from './useSyncMeta.js';
import { useNow } from './useNow.js';
import { useConnection } from './useConnection.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Top-bar badge: "Synced 3 min ago" / "Syncing…" / "Offline — data from 09:42", plus "Stale" in words. */
export function SyncStatusBadge() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const sync = useDirectorySync();
  const meta = useSyncMeta();
  const now = useNow();
  const connection = useConnection();
  const locale = i18n.language;
  const view = describeSyncStatus({
    syncing: sync.isFetching,
    errorCode: sync.isFetching ? undefined : sync.error?.code,
    lastSyncAt: meta?.lastSyncAt,
    maxAgeSeconds: meta?.maxAgeSeconds,
    now,
    serverUnreachable: connection?.checked === true && !connection.online,
  });
  const time = view.lastSyncAt !== undefined ? clockTime(locale, view.lastSyncAt, now) : '';
  const has = view.lastSyncAt !== undefined;
  let label: string;
  let tip: string;
  switch (view.kind) {
    case 'syncing':
      label = t('sync.status.syncing');
      tip = t('sync.tooltip.syncing');
      break;
    case 'offline':
      label = has ? t('sync.status.offline', { time }) : t('sync.status.offlineNever');
      tip = has ? t('sync.tooltip.offline', { time }) : t('sync.tooltip.offlineNever');
      break;
    case 'failed':
      label = has ? t('sync.status.failed', { time }) : t('sync.status.failedNever');
      tip = t('sync.tooltip.failed', { message: errorText(sync.error) ?? '' });
      break;
    case 'never':
      label = t('sync.status.never');
      tip = t('sync.tooltip.never');
      break;
    default: {
      const ago = relativeTime(locale, view.lastSyncAt ?? now, now);
      label = ago ? t('sync.status.synced', { ago }) : t('sync.status.syncedJustNow');
      tip = t('sync.tooltip.synced', { time });
    }
  }
  if (view.stale && view.kind !== 'syncing') {
    label = t('sync.status.staleSuffix', { text: label });
    tip = `${tip} ${t('sync.tooltip.stale', { hours: Math.round((meta?.maxAgeSeconds ?? 0) / 3600) })}`;
  }
  const icon =
    view.kind === 'syncing' ? (
      <SyncOutlined />
    ) : view.kind === 'offline' ? (
      <CloudOffOutlined />
    ) : view.kind === 'failed' ? (
      <ErrorOutline />
    ) : view.stale ? (
      <HistoryOutlined />
    ) : (
      <CloudDoneOutlined />
    );
  const color = view.kind === 'offline' || view.stale ? 'warning' : view.kind === 'failed' ? 'error' : 'default';
  return (
    <Tooltip title={tip}>
      <Chip
        icon={icon}
        label={label}
        color={color}
        variant="outlined"
        onClick={() => void sync.refetch()}
        aria-label={`${label}. ${tip} ${t('sync.tooltip.retry')}`}
        data-testid="sync-status"
        data-sync-kind={view.kind}
        data-stale={view.stale ? 'true' : 'false'}
      />
    </Tooltip>
  );
}
