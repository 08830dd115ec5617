import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useErrorText } from '../../app/useErrorText.js';
import { useChoosePassword, useSignOut } from './mutations.js';
import { newPasswordError, underField } from './newPasswordError.js';
import { NewPasswordFields } from './NewPasswordFields.js';

/**
 * The sign-in step after a one-time password from an administrator: the person chooses their own
 * password, which signs them in (main holds the server's short-lived token for this step).
 */
export function ChoosePasswordStep({ email }: { email: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const choose = useChoosePassword();
  const back = useSignOut();
  const [draft, setDraft] = useState({ newPassword: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const problem = newPasswordError(draft, { email });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || choose.isPending) return;
    choose.mutate({ newPassword: draft.newPassword });
  };
  const serverError = choose.error?.field === 'newPassword' ? errorText(choose.error) : undefined;
  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2} data-testid="choose-password">
      <Typography variant="h2">{t('password.choose.title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t('password.choose.help')}
      </Typography>
      {choose.error && !serverError && (
        <Alert severity="error" role="alert" data-testid="choose-password-error">
          {errorText(choose.error)}
        </Alert>
      )}
      <NewPasswordFields
        value={draft}
        onChange={setDraft}
        error={tried ? problem : null}
        serverError={underField(serverError, 'newPassword')}
        testIdPrefix="choose-password"
        autoFocus
      />
      <Button type="submit" variant="contained" loading={choose.isPending} data-testid="choose-password-submit">
        {t('password.choose.submit')}
      </Button>
      <Button size="small" onClick={() => back.mutate()} data-testid="choose-password-back">
        {t('password.choose.back')}
      </Button>
    </Stack>
  );
}
