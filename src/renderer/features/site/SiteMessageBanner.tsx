import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';

export interface SiteMessageBannerProps {
  /** The site's message (`Site.siteMessage`), shown as typed; line breaks are kept. */
  message: string;
  /**
   * Keep the banner in view while the screen scrolls (sticky at the top of the scrolling area):
   * for screens about one site where the technician works further down — the approval wizard, the
   * call runner, credentials (UX.md principle 9).
   */
  pinned?: boolean;
}

/**
 * The site message: critical, never expires, a red banner above everything for that site. One
 * component for every screen that shows it, so it looks and reads the same everywhere.
 */
export function SiteMessageBanner({ message, pinned = false }: SiteMessageBannerProps) {
  const { t } = useTranslation();
  return (
    <Alert
      severity="error"
      variant="filled"
      data-testid="site-message"
      data-pinned={pinned ? 'true' : undefined}
      sx={{
        borderRadius: pinned ? 1 : 0,
        '& .MuiAlert-message': { whiteSpace: 'pre-line' },
        // Chromium sticks inside the scroller's padding; the shell's <main> has pt: 4, so pull the
        // banner up by that much, or the page would show through the gap above it.
        ...(pinned && {
          position: 'sticky',
          top: (theme) => theme.spacing(-4),
          zIndex: (theme) => theme.zIndex.appBar - 1,
          boxShadow: 2,
          mb: 2,
        }),
      }}
    >
      <AlertTitle sx={{ mb: 0.25 }}>{t('site.siteMessage')}</AlertTitle>
      {message}
    </Alert>
  );
}
