import { useTranslation } from 'react-i18next';
import Tooltip from '@mui/material/Tooltip';

/** An audit entry's time in the user's locale and time zone; the full ISO timestamp (UTC) on hover. */
export function AuditTime({ iso }: { iso: string }) {
  const { i18n } = useTranslation();
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(
    Date.parse(iso),
  );
  return (
    <Tooltip title={iso}>
      <time dateTime={iso}>{text}</time>
    </Tooltip>
  );
}
