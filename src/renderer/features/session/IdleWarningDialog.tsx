import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useSettings } from '../settings/useSettings.js';
import { useIdleSignOut } from './useIdleSignOut.js';

const mmss = (ms: number) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The 13-minute warning before the idle sign-out. "Stay signed in" has focus, so Enter (or a
 * click) keeps the session; Esc does too — closing the message is an answer.
 */
export function IdleWarningDialog() {
  const { t } = useTranslation();
  const minutes = useSettings().data?.idleSignOutMinutes ?? 15;
  const { phase, stay, signOut } = useIdleSignOut();
  const open = phase.phase === 'warning';
  return (
    <Dialog
      open={open}
      onClose={stay}
      maxWidth="xs"
      fullWidth
      data-testid="idle-warning"
      aria-labelledby="idle-warning-title"
    >
      <DialogTitle id="idle-warning-title">{t('idle.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {t('idle.body', { count: minutes, time: open ? mmss(phase.remainingMs) : '' })}
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={signOut} data-testid="idle-sign-out">
          {t('idle.signOut')}
        </Button>
        <Button variant="contained" onClick={stay} autoFocus data-testid="idle-stay">
          {t('idle.stay')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
