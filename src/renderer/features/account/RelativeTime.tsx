import { useTranslation } from 'react-i18next';
import Tooltip from '@mui/material/Tooltip';
import { relativeTime } from '../sync/describeSyncStatus.js';

/** "3 minutes ago" (or "just now"), with the exact date and time in a tooltip. */
export function RelativeTime({ iso, now }: { iso: string; now: number }) {
  const { t, i18n } = useTranslation();
  const at = Date.parse(iso);
  const exact = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  return (
    <Tooltip title={exact}>
      <time dateTime={iso}>{relativeTime(i18n.language, at, now) ?? t('account.justNow')}</time>
    </Tooltip>
  );
}

/** A date in the user's locale ("Mar 3, 2026"), the time in a tooltip. */
export function ShortDate({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const at = Date.parse(iso);
  return (
    <Tooltip title={new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}>
      <time dateTime={iso}>{new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(at)}</time>
    </Tooltip>
  );
}
