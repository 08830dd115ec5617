import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { Role } from '../../../shared/api/auth.js';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useErrorText } from '../../app/useErrorText.js';
import { FormField } from './FormField.js';
import { useChangeRole, useResetPassword } from './mutations.js';
import { OneTimePasswordDialog } from './OneTimePasswordDialog.js';

/**
 * The role select of one account row. The last administrator's role is locked with the reason
 * beside it; the server refuses the change as well, and its sentence is shown if it does.
 */
export function AccountRoleSelect({ account, lastAdmin }: { account: AccountSummary; lastAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useChangeRole();
  const locked = lastAdmin && account.role === 'admin';
  return (
    <Tooltip title={locked ? t('directory.account.lastAdmin') : ''}>
      <span>
        <FormField
          label={t('directory.account.role')}
          value={account.role}
          onChange={(v) => change.mutate({ userId: account.id, role: Role.parse(v) })}
          error={change.error ? errorText(change.error) : undefined}
          helperText={locked ? t('directory.account.lastAdmin') : undefined}
          testId="account-role-select"
          readOnly={locked || change.isPending}
          options={Role.options.map((r) => [r, t(`user.role.${r}`)] as const)}
          sx={{ minWidth: 160 }}
        />
      </span>
    </Tooltip>
  );
}

/** "Reset password": confirm, then the new one-time password once; the account's devices sign out. */
export function ResetPasswordAction({ account }: { account: AccountSummary }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const reset = useResetPassword();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  return (
    <>
      <Button
        onClick={() => setConfirming(true)}
        data-testid="reset-password"
        aria-label={`${t('directory.account.resetPassword')}: ${account.name}`}
      >
        {t('directory.account.resetPassword')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('directory.account.resetTitle', { name: account.name })}
        body={t('directory.account.resetBody')}
        confirmLabel={t('directory.account.resetConfirm')}
        pending={reset.isPending}
        error={errorText(reset.error)}
        testId="reset-password-dialog"
        onClose={() => {
          setConfirming(false);
          reset.reset();
        }}
        onConfirm={() =>
          reset.mutate(account.id, {
            onSuccess: (r) => {
              setConfirming(false);
              setPassword(r.oneTimePassword);
            },
          })
        }
      />
      <OneTimePasswordDialog password={password} email={account.email} onClose={() => setPassword(null)} />
    </>
  );
}
