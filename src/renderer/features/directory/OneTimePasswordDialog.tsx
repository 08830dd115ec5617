import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../account/CopyButton.js';

/**
 * SECRET on screen: a one-time password, shown once. It lives only in the caller's component state
 * and is gone when the dialog closes; nothing stores or logs it.
 */
export function OneTimePasswordDialog({
  password,
  email,
  onClose,
}: {
  password: string | null;
  email: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={password !== null} onClose={onClose} data-testid="one-time-password-dialog" maxWidth="sm" fullWidth>
      <DialogTitle>{t('directory.account.otpTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2">{t('directory.account.otpBody', { email })}</Typography>
          <Typography
            component="p"
            data-testid="one-time-password"
            sx={{ fontFamily: 'monospace', fontSize: '1.25rem', letterSpacing: 1, userSelect: 'all' }}
          >
            {password}
          </Typography>
          <Alert severity="warning">{t('directory.account.otpOnce')}</Alert>
        </Stack>
      </DialogContent>
      <DialogActions>
        {password && (
          <CopyButton text={password} label={t('directory.account.copy')} copiedLabel={t('directory.account.copied')} />
        )}
        <Button variant="contained" onClick={onClose} data-testid="one-time-password-done">
          {t('directory.account.otpDone')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
