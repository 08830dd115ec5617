import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PhonelinkLockOutlined from '@mui/icons-material/PhonelinkLockOutlined';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.js';
import { TotpSetupForm } from './TotpSetupForm.js';
import { useTotpEnrolment } from './useTotpEnrolment.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Two-step sign-in: on/off, and the set-up flow (scan → first code → recovery codes once). */
export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const flow = useTotpEnrolment();
  const { state } = flow;
  const on = enabled;
  // Asked again before set-up (issue 11 #6); cleared once sent, never stored.
  const [password, setPassword] = useState('');
  const begin = () => {
    flow.start(password);
    setPassword('');
  };
  return (
    <Paper component="section" aria-labelledby="totp-title" sx={{ p: 2.5 }} data-testid="totp-section">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
        <PhonelinkLockOutlined color="action" fontSize="small" />
        <Typography variant="h3" component="h2" id="totp-title">
          {t('account.totp.title')}
        </Typography>
        <Chip
          label={on ? t('account.totp.on') : t('account.totp.off')}
          color={on ? 'success' : 'default'}
          variant={on ? 'filled' : 'outlined'}
          data-testid="totp-status"
          data-enabled={on}
        />
      </Stack>
      {state.phase === 'codes' ? (
        <RecoveryCodesPanel codes={state.recoveryCodes} onDone={flow.finish} />
      ) : state.phase === 'scanning' ? (
        <TotpSetupForm
          enrolment={state.enrolment}
          confirming={flow.confirming}
          error={flow.confirmError}
          onConfirm={flow.confirm}
          onCancel={flow.finish}
        />
      ) : (
        <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
            {on ? t('account.totp.onHelp') : t('account.totp.offHelp')}
          </Typography>
          {flow.startError && (
            <Alert severity="error" role="alert" data-testid="totp-error" sx={{ alignSelf: 'stretch' }}>
              {errorText(flow.startError)}
            </Alert>
          )}
          {!on && (
            <Stack
              component="form"
              direction="row"
              spacing={1.5}
              sx={{ alignItems: 'flex-start' }}
              onSubmit={(e) => {
                e.preventDefault();
                if (password) begin();
              }}
            >
              <TextField
                type="password"
                size="small"
                autoComplete="current-password"
                label={t('account.totp.currentPassword')}
                helperText={t('account.totp.currentPasswordHelp')}
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'totp-current-password' } }}
              />
              <Box>
                <Button
                  type="submit"
                  variant="contained"
                  disabled={!password}
                  loading={flow.starting}
                  data-testid="totp-start"
                >
                  {t('account.totp.start')}
                </Button>
              </Box>
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
