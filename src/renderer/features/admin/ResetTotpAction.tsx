import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import { ConfirmedAction } from '../../app/ConfirmDialog.js';
import { useResetTotp } from './mutations.js';

/** "Reset TOTP" for an account that has it on, after a confirm dialog saying what it does. */
export function ResetTotpAction({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const reset = useResetTotp();
  if (!account.totpEnabled) return null;
  return (
    <ConfirmedAction
      label={t('admin.accounts.resetTotp')}
      ariaLabel={`${t('admin.accounts.resetTotp')}: ${account.name}`}
      testId="reset-totp"
      mutation={reset}
      variables={account.id}
      dialog={{
        title: t('admin.accounts.resetTitle', { name: account.name }),
        body: t('admin.accounts.resetBody'),
        confirmLabel: t('admin.accounts.resetConfirm'),
        testId: 'reset-totp-dialog',
      }}
    />
  );
}
