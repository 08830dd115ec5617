import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ContentCopy from '@mui/icons-material/ContentCopy';
import RecordVoiceOverOutlined from '@mui/icons-material/RecordVoiceOverOutlined';
import Visibility from '@mui/icons-material/VisibilityOutlined';
import VisibilityOff from '@mui/icons-material/VisibilityOffOutlined';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import { formatCountdown, remainingMs } from '../../../shared/credentials/countdown.js';
import type { LeaseEndReason, LeaseView } from '../../../shared/credentials/leaseTypes.js';
import { readBackLine } from '../../../shared/credentials/natoReadBack.js';
import { useServices } from '../../app/useServices.js';
import { useCheckin } from './mutations.js';
import { useCountdown } from './useCountdown.js';
import { useLeaseSecret } from './useLeaseSecret.js';
import { useErrorText } from '../../app/useErrorText.js';

/**
 * A checked-out lease: username, Reveal / Copy / Read back, the login window's countdown and Check in
 * now. At zero (or when main ends the lease: sign-out, wipe, lock) the secret leaves the screen and
 * this component's state; the password itself was already forgotten by main.
 */
export function LeasePanel({
  credential,
  lease,
  onClose,
}: {
  credential: CredentialMeta;
  lease: LeaseView;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { api } = useServices();
  const left = useCountdown(lease.expiresAt);
  const secret = useLeaseSecret(lease.leaseId);
  const checkin = useCheckin();
  const [ended, setEnded] = useState<LeaseEndReason | null>(null);
  const [total] = useState(() => Math.max(1, remainingMs(lease.expiresAt, Date.now())));
  const over = ended !== null || left === 0;
  const { forget } = secret;

  useEffect(
    () => api.on('lease.expired', (e) => e.leaseId === lease.leaseId && setEnded((prev) => prev ?? e.reason)),
    [api, lease.leaseId],
  );
  useEffect(() => {
    if (over) forget();
  }, [over, forget]);

  const until = new Date(lease.expiresAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  const expired = over && (ended === null || ended === 'expired');
  return (
    <>
      <DialogTitle>{t('credentials.lease.title', { name: credential.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {expired ? (
            <Alert severity="warning" data-testid="lease-expired">
              <AlertTitle>{t('credentials.lease.expired')}</AlertTitle>
              {t('credentials.lease.expiredBody')}
            </Alert>
          ) : ended && !checkin.error ? (
            <Alert severity="info" data-testid="lease-ended">
              {t(`credentials.lease.ended.${ended}`)}
            </Alert>
          ) : (
            <Box data-testid="lease-countdown" aria-live="off">
              <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                {t(lease.kind === 'dynamic' ? 'credentials.lease.windowLeft' : 'credentials.lease.windowLeftStatic', {
                  left: formatCountdown(left),
                  until,
                })}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={Math.min(100, (left / total) * 100)}
                aria-label={formatCountdown(left)}
                sx={{ mt: 0.5 }}
              />
            </Box>
          )}
          <Field label={t('credentials.lease.username')} value={lease.username} testId="lease-username" />
          {lease.domain && <Field label={t('credentials.lease.domain')} value={lease.domain} />}
          {!over && (
            <Box>
              <Typography variant="overline" color="text.secondary">
                {t('credentials.lease.password')}
              </Typography>
              {secret.shown?.kind === 'secret' ? (
                <Typography
                  data-testid="lease-secret"
                  sx={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, userSelect: 'all' }}
                >
                  {secret.shown.secret}
                </Typography>
              ) : secret.shown?.kind === 'readBack' ? (
                <Box component="ol" data-testid="lease-readback" sx={{ m: 0, pl: 3 }}>
                  {secret.shown.groups.map((g, i) => (
                    <li key={i}>
                      <Typography variant="body2">{readBackLine(g)}</Typography>
                    </li>
                  ))}
                </Box>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {'•'.repeat(12)} {t('credentials.lease.hidden')}
                </Typography>
              )}
              <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
                {secret.shown?.kind === 'secret' ? (
                  <Button startIcon={<VisibilityOff />} onClick={secret.hide} data-testid="lease-hide">
                    {t('credentials.lease.hide')}
                  </Button>
                ) : (
                  <Button
                    startIcon={<Visibility />}
                    onClick={secret.reveal}
                    disabled={secret.busy}
                    data-testid="lease-reveal"
                  >
                    {t('credentials.lease.reveal')}
                  </Button>
                )}
                <Button
                  startIcon={<ContentCopy />}
                  onClick={secret.copy}
                  disabled={secret.busy}
                  data-testid="lease-copy"
                >
                  {t('credentials.lease.copy')}
                </Button>
                <Button
                  startIcon={<RecordVoiceOverOutlined />}
                  onClick={secret.readBack}
                  disabled={secret.busy}
                  data-testid="lease-readback-button"
                >
                  {t('credentials.lease.readBack')}
                </Button>
              </Stack>
              {secret.copied && (
                <Typography variant="caption" color="success.main" data-testid="lease-copied" role="status">
                  {t(secret.copied.via === 'main' ? 'credentials.lease.copied' : 'credentials.lease.copiedBrowser', {
                    count: secret.copied.seconds,
                  })}
                </Typography>
              )}
            </Box>
          )}
          {(secret.error || checkin.error) && (
            <Alert severity="error" data-testid="lease-error">
              {errorText(secret.error ?? checkin.error)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {over ? (
          <Button variant="contained" onClick={onClose} data-testid="lease-close">
            {t('credentials.lease.close')}
          </Button>
        ) : (
          <Button
            variant="contained"
            disabled={checkin.isPending}
            onClick={() =>
              checkin.mutate(lease.leaseId, {
                onSuccess: () => setEnded('checked_in'),
                // Main forgot the password either way (credentialHandlers); the error says what remains.
                onError: () => setEnded('checked_in'),
              })
            }
            data-testid="lease-checkin"
          >
            {checkin.isPending ? t('credentials.lease.checkingIn') : t('credentials.lease.checkin')}
          </Button>
        )}
      </DialogActions>
    </>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary">
        {label}
      </Typography>
      <Typography sx={{ fontFamily: 'monospace' }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}
