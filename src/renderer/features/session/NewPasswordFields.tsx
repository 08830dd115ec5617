import { useTranslation } from 'react-i18next';
import TextField from '@mui/material/TextField';
import type { NewPasswordError } from './newPasswordError.js';

/**
 * A new password typed twice, with the rules as helper text and the first problem under its field.
 * SECRET: the values live in the parent's component state only, until sent once.
 */
export function NewPasswordFields({
  value,
  onChange,
  error,
  serverError,
  testIdPrefix,
  autoFocus = false,
}: {
  value: { newPassword: string; repeat: string };
  onChange: (value: { newPassword: string; repeat: string }) => void;
  /** Shown once the person tried to submit. */
  error: NewPasswordError | null;
  /** The server's sentence about the new password (field `newPassword`). */
  serverError?: string;
  testIdPrefix: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const newError = error?.field === 'newPassword' ? t(error.key, error.values) : serverError;
  const repeatError = error?.field === 'repeat' ? t(error.key) : undefined;
  return (
    <>
      <TextField
        label={t('password.new')}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        required
        value={value.newPassword}
        onChange={(e) => onChange({ ...value, newPassword: e.target.value })}
        error={Boolean(newError)}
        helperText={newError ?? t('password.rules')}
        slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-new` } }}
      />
      <TextField
        label={t('password.repeat')}
        type="password"
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(e) => onChange({ ...value, repeat: e.target.value })}
        error={Boolean(repeatError)}
        helperText={repeatError}
        slotProps={{ htmlInput: { 'data-testid': `${testIdPrefix}-repeat` } }}
      />
    </>
  );
}
