import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import type { AuditVerification } from '../../../shared/api/audit.js';
import { useErrorText } from '../../app/useErrorText.js';

/** The result of "Verify chain": intact (green, with the head hash to compare elsewhere), broken (red), or the error. */
export function VerifyBanner({
  result,
  error,
  onRetry,
}: {
  result?: AuditVerification;
  error?: Error | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error)
    return (
      <Alert
        severity="error"
        data-testid="audit-verify-error"
        action={
          <Button color="inherit" size="small" onClick={onRetry}>
            {t('table.retry')}
          </Button>
        }
      >
        {t('audit.verifyFailed', { message: errorText(error) })}
      </Alert>
    );
  if (!result) return null;
  if (!result.intact)
    return (
      <Alert severity="error" variant="filled" data-testid="audit-verify-result" data-intact="false">
        {t('audit.broken', { seq: result.brokenAt })}
      </Alert>
    );
  return (
    <Alert severity="success" data-testid="audit-verify-result" data-intact="true">
      {result.head
        ? t('audit.intact', { count: result.entries, head: result.head.slice(0, 12) })
        : t('audit.intactEmpty')}
    </Alert>
  );
}
