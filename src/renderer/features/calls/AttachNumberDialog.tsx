import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { CallView } from '../../../shared/api/cti.js';
import { otherNumber } from './callText.js';
import { useAttachNumber } from './mutations.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Admin: adds an unidentified call's number to a person, found by their email address. */
export function AttachNumberDialog({ call, onClose }: { call: CallView; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [email, setEmail] = useState('');
  const attach = useAttachNumber();
  const error = attach.error;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          attach.mutate({ callId: call.id, email }, { onSuccess: onClose });
        }}
      >
        <DialogTitle>{t('calls.attach.title', { number: otherNumber(call) })}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {t('calls.attach.help')}
          </Typography>
          <TextField
            autoFocus
            fullWidth
            type="email"
            label={t('calls.attach.email')}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'attach-email' } }}
          />
          {error && (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error.code === 'not_found' && error.field === 'email'
                ? t('calls.attach.notFound')
                : t('calls.attach.failed', { message: errorText(error) })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('calls.attach.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!email.includes('@') || attach.isPending}>
            {t('calls.attach.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
