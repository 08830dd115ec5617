import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useErrorText } from '../../app/useErrorText.js';

/**
 * Save button and what became of the last save: the server's error (naming the field), the form's
 * own "fix N fields" note, or "saved — technicians get it at their next sync".
 */
export function SaveBar({
  onSave,
  pending,
  saved,
  error,
  invalidCount,
  testId,
  label,
}: {
  onSave: () => void;
  pending: boolean;
  saved: boolean;
  error: { code?: string; message: string } | null;
  invalidCount: number;
  testId: string;
  label?: string;
}) {
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
