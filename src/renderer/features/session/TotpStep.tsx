import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTotpSignIn } from './mutations.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Second sign-in step for accounts with TOTP: a code from the authenticator, or one recovery code. */
export function TotpStep() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const totp = useTotpSignIn();
  const [recovery, setRecovery] = useState(false);
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!totp.isPending) totp.mutate(recovery ? { recoveryCode: value.trim() } : { code: value.trim() });
  };
  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2}>
      <Typography variant="h2">{t('signIn.totpTitle')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('signIn.totpHelp')}
      </Typography>
      {totp.error && (
        <Alert severity="error" data-testid="signin-error" role="alert">
          {totp.error.code === 'code_already_used' ? t('errors.code_already_used') : errorText(totp.error)}
        </Alert>
      )}
      <TextField
        label={recovery ? t('signIn.recoveryCode') : t('signIn.totpCode')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        autoFocus
        autoComplete="one-time-code"
        slotProps={{
          htmlInput: {
            'data-testid': 'signin-totp',
            inputMode: recovery ? 'text' : 'numeric',
            maxLength: recovery ? 64 : 6,
          },
        }}
      />
      <Button type="submit" variant="contained" loading={totp.isPending} data-testid="signin-totp-submit">
        {t('signIn.verify')}
      </Button>
      <Button size="small" onClick={() => (setRecovery(!recovery), setValue(''))}>
        {recovery ? t('signIn.useCode') : t('signIn.useRecovery')}
      </Button>
    </Stack>
  );
}
