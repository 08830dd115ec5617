import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useErrorText } from '../../app/useErrorText.js';
import { errorPaths, type FieldErrors } from './formErrors.js';

/**
 * Save button and what became of the last save: the server's error (naming the field), the form's
 * own "fix N fields" note, or "saved — technicians get it at their next sync".
 */
/** What SaveBar reads of a record form (useRecordForm's result). */
export interface SaveBarForm {
  save: { isPending: boolean; error: { code?: string; message: string } | null };
  saved: boolean;
  tried: boolean;
  errors: FieldErrors;
  submit: () => boolean;
}

export function SaveBar({
  form,
  onSave = form.submit,
  testId,
  label,
}: {
  form: SaveBarForm;
  /** Instead of `form.submit` (the profile form checks for duplicates first). */
  onSave?: () => void;
  testId: string;
  label?: string;
}) {
  const pending = form.save.isPending;
  const error = form.save.error;
  const saved = form.saved;
  // Counted only after the first Save, like the field errors themselves.
  const invalidCount = form.tried ? errorPaths(form.errors).length : 0;
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <Stack spacing={1}>
      {invalidCount > 0 && (
        <Alert severity="error" data-testid={`${testId}-invalid`}>
          {t('directory.fixFields', { count: invalidCount })}
        </Alert>
      )}
      {error && (
        <Alert severity="error" data-testid={`${testId}-error`}>
          {errorText(error)}
        </Alert>
      )}
      {saved && !error && invalidCount === 0 && (
        <Alert severity="success" data-testid={`${testId}-saved`}>
          {t('directory.saved')}
        </Alert>
      )}
      <Stack direction="row">
        <Button variant="contained" onClick={onSave} disabled={pending} data-testid={testId}>
          {label ?? t('directory.save')}
        </Button>
      </Stack>
    </Stack>
  );
}
