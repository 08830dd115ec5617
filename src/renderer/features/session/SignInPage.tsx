import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PhoneInTalkOutlined from '@mui/icons-material/PhoneInTalkOutlined';
import { useQuery } from '@tanstack/react-query';
import { useServices } from '../../app/useServices.js';
import { useSettings } from '../settings/useSettings.js';
import { useSignIn } from './mutations.js';
import { sessionQueries } from './queries.js';
import { TotpStep } from './TotpStep.js';
import { ChoosePasswordStep } from './ChoosePasswordStep.js';
import { useSessionStatus } from './useSessionStatus.js';
import { WIPED_FLAG } from './useRemoteWipe.js';
import { IDLE_FLAG } from './useIdleSignOut.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Email + password (+ server). Enter submits; errors show the server's message. */
export function SignInPage({ serverUrl }: { serverUrl: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const idleMinutes = useSettings().data?.idleSignOutMinutes ?? 15;
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [server, setServer] = useState(serverUrl);
  const error = signIn.error;
  const { api } = useServices();
  const sessionOnly = useQuery(sessionQueries.appInfo(api)).data?.secretStorage?.persistent === false;
  // The step comes from main's status (each step's result replaces it), so "Back to sign-in" — a
  // sign-out — returns to the password form from either step.
  const status = useSessionStatus().data;
  const passwordChangeRequired = status?.passwordChangeRequired === true;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (signIn.isPending) return;
    const trimmed = server.trim();
    signIn.mutate({
      email: email.trim(),
      password,
      ...(trimmed && trimmed !== serverUrl ? { serverUrl: trimmed } : {}),
    });
  };

  const wiped = typeof location !== 'undefined' && location.hash.includes(`${WIPED_FLAG}=1`);
  const idle = typeof location !== 'undefined' && location.hash.includes(`${IDLE_FLAG}=1`);
  // A one-time password (after the TOTP code, when enrolled) leads to choosing one's own password.
  if (passwordChangeRequired || status?.mfaRequired) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
        <Paper sx={{ width: '100%', maxWidth: 400, p: 4 }}>
          {passwordChangeRequired ? <ChoosePasswordStep email={email.trim()} /> : <TotpStep />}
        </Paper>
      </Box>
    );
  }

  const fieldError = (name: string) => (error?.field && error.field.endsWith(name) ? errorText(error) : undefined);
  // Main names the field before its message ("serverUrl: …"); under the field itself the name is noise.
  const serverError = fieldError('serverUrl')?.replace(/^serverUrl: /, '');

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper component="form" noValidate onSubmit={submit} sx={{ width: '100%', maxWidth: 400, p: 4 }}>
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', color: 'primary.main' }}>
            <PhoneInTalkOutlined />
            <Typography variant="h3" component="span">
              {t('app.name')}
            </Typography>
          </Stack>
          <Box>
            <Typography variant="h1">{t('signIn.title')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {t('signIn.subtitle')}
            </Typography>
          </Box>
          {wiped && !error && (
            <Alert severity="info" data-testid="signin-wiped">
              {t('signIn.wiped')}
            </Alert>
          )}
          {idle && !error && (
            <Alert severity="info" data-testid="signin-idle">
              {t('signIn.idle', { count: idleMinutes })}
            </Alert>
          )}
          {sessionOnly && (
            <Alert severity="warning" data-testid="signin-session-only">
              {t('signIn.sessionOnly')}
            </Alert>
          )}
          {error && !error.field && (
            <Alert severity="error" data-testid="signin-error" role="alert">
              {errorText(error) || t(`errors.${error.code}`, { defaultValue: t('errors.unknown') })}
            </Alert>
          )}
          {error?.field && !serverError && (
            <Typography variant="body2" color="error" data-testid="signin-error" role="alert">
              {errorText(error)}
            </Typography>
          )}
          <TextField
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            autoFocus
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={Boolean(fieldError('email'))}
            slotProps={{ htmlInput: { 'data-testid': 'signin-email' } }}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={Boolean(fieldError('password'))}
            slotProps={{ htmlInput: { 'data-testid': 'signin-password' } }}
          />
          <TextField
            label={t('signIn.server')}
            type="url"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            error={Boolean(serverError)}
            helperText={serverError ?? t('signIn.serverHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'signin-server', spellCheck: false } }}
          />
          <Button
            type="submit"
            variant="contained"
            size="medium"
            loading={signIn.isPending}
            data-testid="signin-submit"
          >
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
