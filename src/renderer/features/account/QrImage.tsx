import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;
const SIZE = 176;

/**
 * The enrolment QR code. The server sends it as a PNG data URL; anything else in that field is not
 * put into an `src` (only a PNG data URL is), and the code is drawn here from the otpauth URI instead.
 * `qrcode` is loaded only for that fallback. Secret: the image encodes the TOTP secret — it lives in
 * this component's state and is never written anywhere.
 */
export function QrImage({ dataUrl, otpauthUri }: { dataUrl: string; otpauthUri: string }) {
  const { t } = useTranslation();
  const serverImage = PNG_DATA_URL.test(dataUrl) ? dataUrl : undefined;
  const [drawn, setDrawn] = useState<string | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (serverImage) return;
    let live = true;
    import('qrcode')
      .then((QRCode) => QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: SIZE }))
      .then((url) => live && setDrawn(url))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      setDrawn(undefined);
    };
  }, [serverImage, otpauthUri]);
  const src = serverImage ?? drawn;
  if (failed) {
    return (
      <Typography variant="body2" color="warning.main" sx={{ width: SIZE }} data-testid="totp-qr-unavailable">
        {t('account.totp.qrUnavailable')}
      </Typography>
    );
  }
  if (!src) return <Skeleton variant="rectangular" width={SIZE} height={SIZE} />;
  // A white tile in both themes: authenticator apps read dark-on-light codes best.
  return (
    <Box
      component="img"
      src={src}
      alt={t('account.totp.qrAlt')}
      width={SIZE}
      height={SIZE}
      data-testid="totp-qr"
      sx={{ bgcolor: '#fff', borderRadius: 1, border: 1, borderColor: 'divider', display: 'block' }}
    />
  );
}
