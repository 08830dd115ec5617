import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PasswordOutlined from '@mui/icons-material/PasswordOutlined';
import { useErrorText } from '../../app/useErrorText.js';
import { newPasswordError, underField } from '../session/newPasswordError.js';
import { NewPasswordFields } from '../session/NewPasswordFields.js';
import { useChangePassword } from './mutations.js';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * "Change password": the current password, then the new one twice. The server ends the account's
 * other sessions; this one stays. SECRET: the fields live in component state only and are cleared
 * once sent.
 */
export function ChangePasswordSection({ email }: { email: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useChangePassword();
  const [draft, setDraft] = useState(EMPTY);
  const [tried, setTried] = useState(false);
  const problem = newPasswordError(draft, { email, oldPassword: draft.currentPassword });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!draft.currentPassword || problem || change.isPending) return;
    change.mutate(
      { currentPassword: draft.currentPassword, newPassword: draft.newPassword },
      { onSuccess: () => (setDraft(EMPTY), setTried(false)) },
    );
  };
  const field = change.error?.field;
  const fieldText = (name: string) => (field === name ? underField(errorText(change.error), name) : undefined);
  const currentError =
    tried && !draft.currentPassword ? t('account.password.currentMissing') : fieldText('currentPassword');
  return (
    <Paper component="section" aria-labelledby="password-title" sx={{ p: 2.5 }} data-testid="password-section">
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 1 }}>
        <PasswordOutlined color="action" fontSize="small" />
        <Typography variant="h3" component="h2" id="password-title">
          {t('account.password.title')}
        </Typography>
      </Stack>
      <Stack component="form" noValidate onSubmit={submit} spacing={1.5} sx={{ maxWidth: 420 }}>
        <Typography variant="body2" color="text.secondary">
          {t('account.password.help')}
        </Typography>
        {change.isSuccess && (
          <Alert severity="success" data-testid="password-changed">
            {t('account.password.done')}
          </Alert>
        )}
        {change.error && !field?.match(/^(currentPassword|newPassword)$/) && (
          <Alert severity="error" role="alert" data-testid="password-error">
            {errorText(change.error)}
          </Alert>
        )}
        <TextField
          label={t('account.password.current')}
          type="password"
          size="small"
          autoComplete="current-password"
          required
          value={draft.currentPassword}
          onChange={(e) => setDraft({ ...draft, currentPassword: e.target.value })}
          error={Boolean(currentError)}
          helperText={currentError}
          slotProps={{ htmlInput: { 'data-testid': 'password-current' } }}
        />
        <NewPasswordFields
          value={draft}
          onChange={(v) => setDraft({ ...draft, ...v })}
          error={tried ? problem : null}
          serverError={fieldText('newPassword')}
          testIdPrefix="password"
        />
        <Box>
          <Button type="submit" variant="contained" loading={change.isPending} data-testid="password-submit">
            {t('account.password.submit')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
