import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import type { AccountSummary } from '../../../shared/auth/accounts.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useSetDisabled } from './mutations.js';

/**
 * "Disable" / "Enable" for one account, after a confirmation. Disabling signs the account out on
 * every device; the last enabled administrator cannot be disabled (the server refuses it too, and its
 * sentence is shown if it does).
 */
export function DisableAccountAction({ account, lastAdmin }: { account: AccountSummary; lastAdmin: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const change = useSetDisabled();
  const [confirming, setConfirming] = useState(false);
  const disabling = !account.disabled;
  const locked = disabling && lastAdmin && account.role === 'admin';
  const action = disabling ? 'disable' : 'enable';
  return (
    <>
      <Tooltip title={locked ? t('directory.account.lastAdminDisable') : ''}>
        <span>
          <Button
            onClick={() => setConfirming(true)}
            disabled={locked}
            color={disabling ? 'error' : 'primary'}
            data-testid={`account-${action}`}
            aria-label={`${t(`directory.account.${action}`)}: ${account.name}`}
          >
            {t(`directory.account.${action}`)}
          </Button>
        </span>
      </Tooltip>
      <ConfirmDialog
        open={confirming}
        title={t(`directory.account.${action}Title`, { name: account.name })}
        body={t(`directory.account.${action}Body`)}
        confirmLabel={t(`directory.account.${action}`)}
        pending={change.isPending}
        error={errorText(change.error)}
        testId={`account-${action}-dialog`}
        onClose={() => {
          setConfirming(false);
          change.reset();
        }}
        onConfirm={() =>
          change.mutate({ userId: account.id, disabled: disabling }, { onSuccess: () => setConfirming(false) })
        }
      />
    </>
  );
}
