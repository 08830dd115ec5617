import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Alert from '@mui/material/Alert';
import PersonAddOutlined from '@mui/icons-material/PersonAddOutlined';
import { Role } from '../../../shared/api/auth.js';
import { AccountInvite } from '../../../shared/auth/accountInvite.js';
import { useErrorText } from '../../app/useErrorText.js';
import { FormField, useFieldError } from './FormField.js';
import { validate } from './formErrors.js';
import { useInvite } from './mutations.js';
import { OneTimePasswordDialog } from './OneTimePasswordDialog.js';

/** "Add account": name, email and role; the result is a one-time password shown once. */
export function InviteAccount() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invite = useInvite();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ name: '', email: '', role: 'technician' as Role });
  const [tried, setTried] = useState(false);
  const [shown, setShown] = useState<{ password: string; email: string } | null>(null);
  const checked = validate(AccountInvite, draft);
  const err = useFieldError('account', checked.errors, tried);
  const submit = () => {
    setTried(true);
    if (!checked.ok) return;
    invite.mutate(checked.data, {
      onSuccess: (r) => {
        setOpen(false);
        setShown({ password: r.oneTimePassword, email: r.user.email });
        setDraft({ name: '', email: '', role: 'technician' });
        setTried(false);
      },
    });
  };
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<PersonAddOutlined />}
        onClick={() => setOpen(true)}
        data-testid="account-add"
      >
        {t('directory.account.add')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} maxWidth="xs" fullWidth data-testid="account-add-dialog">
        <DialogTitle>{t('directory.account.addTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <FormField
              label={t('directory.account.name')}
              value={draft.name}
              onChange={(name) => setDraft({ ...draft, name })}
              error={err('name')}
              testId="account-name"
              autoFocus
            />
            <FormField
              label={t('directory.account.email')}
              value={draft.email}
              onChange={(email) => setDraft({ ...draft, email: email.trim() })}
              error={err('email')}
              testId="account-email"
              type="email"
            />
            <FormField
              label={t('directory.account.role')}
              value={draft.role}
              onChange={(v) => setDraft({ ...draft, role: Role.parse(v) })}
              error={undefined}
              testId="account-role"
              options={Role.options.map((r) => [r, t(`user.role.${r}`)] as const)}
            />
            {invite.error && <Alert severity="error">{errorText(invite.error)}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{t('directory.cancel')}</Button>
          <Button variant="contained" onClick={submit} disabled={invite.isPending} data-testid="account-add-submit">
            {t('directory.account.addSubmit')}
          </Button>
        </DialogActions>
      </Dialog>
      <OneTimePasswordDialog
        password={shown?.password ?? null}
        email={shown?.email ?? ''}
        onClose={() => setShown(null)}
      />
    </>
  );
}
