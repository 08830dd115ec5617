import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useResetTotp } from './mutations.js';

/** "Reset TOTP" for an account that has it on, after a confirm dialog saying what it does. */
export function ResetTotpAction({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const reset = useResetTotp();
  const [open, setOpen] = useState(false);
  if (!account.totpEnabled) return null;
  const close = () => {
    setOpen(false);
    reset.reset();
  };
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)} data-testid="reset-totp" aria-label={`${t('admin.accounts.resetTotp')}: ${account.name}`}>
        {t('admin.accounts.resetTotp')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('admin.accounts.resetTitle', { name: account.name })}
        body={t('admin.accounts.resetBody')}
        confirmLabel={t('admin.accounts.resetConfirm')}
        pending={reset.isPending}
        error={reset.error?.message}
        onClose={close}
        onConfirm={() => reset.mutate(account.id, { onSuccess: close })}
        testId="reset-totp-dialog"
      />
    </>
  );
}
