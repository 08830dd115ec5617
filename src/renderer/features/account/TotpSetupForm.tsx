import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AppError } from '../../../shared/api/errors.js';
import type { TotpEnrolment } from '../../../shared/auth/session.js';
import { CopyButton } from './CopyButton.js';
import { QrImage } from './QrImage.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Groups a base32 key in fours for reading aloud or typing; authenticators ignore the spaces. */
export function groupKey(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

interface Props {
  enrolment: TotpEnrolment;
  confirming: boolean;
  error: AppError | null;
  onConfirm: (code: string) => void;
  onCancel: () => void;
}

/** Step 1 scan (or type the key), step 2 the first code. The key is shown, never stored. */
export function TotpSetupForm({ enrolment, confirming, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState('');
  const digits = code.replace(/\s+/g, '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirming && /^\d{6}$/.test(digits)) onConfirm(digits);
  };
  // A malformed code is refused by main's schema ("code: …"); say it the way a person needs to hear it.
  const codeError =
    error && (error.field === 'code' || error.code === 'invalid_code')
      ? error.code === 'bad_request'
        ? t('account.totp.codeFormat')
        : errorText(error)
      : undefined;
  return (
    <Stack spacing={2} data-testid="totp-setup">
      {error && !codeError && (
        <Alert severity="error" role="alert" data-testid="totp-error">
          {errorText(error)}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={3} sx={{ alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="subtitle2">{t('account.totp.scanTitle')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('account.totp.scanHelp')}
          </Typography>
          <QrImage dataUrl={enrolment.qrCodeDataUrl} otpauthUri={enrolment.otpauthUri} />
        </Box>
        <Stack spacing={1} sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="subtitle2">{t('account.totp.manualTitle')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('account.totp.manualHelp')}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField
              label={t('account.totp.secretLabel')}
              value={groupKey(enrolment.secret)}
              fullWidth
              slotProps={{
                htmlInput: {
                  readOnly: true,
                  spellCheck: false,
                  autoComplete: 'off',
                  'data-testid': 'totp-secret',
                  sx: {
                    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
                    letterSpacing: '0.04em',
                  },
                },
              }}
              onFocus={(e) => e.target.select()}
            />
            <CopyButton
              text={enrolment.secret}
              label={t('account.totp.copy')}
              copiedLabel={t('account.totp.copied')}
              testId="totp-secret-copy"
            />
          </Stack>
          <Box component="form" noValidate onSubmit={submit} sx={{ pt: 2 }}>
            <Typography variant="subtitle2" sx={{ mb: 1 }}>
              {t('account.totp.codeTitle')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label={t('account.totp.codeLabel')}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoFocus
                autoComplete="one-time-code"
                error={Boolean(codeError)}
                helperText={codeError}
                sx={{ width: 220 }}
                slotProps={{
                  htmlInput: {
                    inputMode: 'numeric',
                    maxLength: 7,
                    'data-testid': 'totp-code',
                    'aria-describedby': codeError ? 'totp-code-error' : undefined,
                  },
                  formHelperText: { id: 'totp-code-error', role: 'alert' } as object,
                }}
              />
              <Button
                type="submit"
                variant="contained"
                loading={confirming}
                disabled={!/^\d{6}$/.test(digits)}
                sx={{ mt: '2px' }}
                data-testid="totp-confirm"
              >
                {t('account.totp.confirm')}
              </Button>
              <Button onClick={onCancel} disabled={confirming} sx={{ mt: '2px' }}>
                {t('account.totp.cancel')}
              </Button>
            </Stack>
          </Box>
        </Stack>
      </Stack>
    </Stack>
  );
}
