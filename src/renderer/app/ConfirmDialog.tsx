import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useErrorText } from './useErrorText.js';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending?: boolean;
  /** What went wrong with the last attempt, already phrased for a person. */
  error?: string | undefined;
  testId?: string;
  /** Label of the button that closes without acting; "Cancel" unless that would be ambiguous. */
  dismissLabel?: string;
}

/**
 * "Say what will happen before it happens" (UX.md) for destructive actions. The confirm button has
 * focus, so Enter confirms and Esc cancels; the dialog stays open (with the error) if it fails.
 */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  pending = false,
  error,
  testId = 'confirm-dialog',
  dismissLabel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={pending ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
    >
      <DialogTitle id={`${testId}-title`}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">{body}</DialogContentText>
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid={`${testId}-error`}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending} data-testid={`${testId}-dismiss`}>
          {dismissLabel ?? t('confirmDialog.cancel')}
        </Button>
        <Button
          variant="contained"
          color="error"
          onClick={onConfirm}
          loading={pending}
          autoFocus
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** What ConfirmedAction needs of a TanStack mutation. */
export interface ConfirmableMutation<V> {
  mutate(variables: V, options: { onSuccess: () => void }): void;
  reset(): void;
  isPending: boolean;
  error: Error | null;
}

/**
 * A destructive button that asks first: it opens a ConfirmDialog, runs `mutation` with `variables`
 * on confirm and closes on success; closing also clears the mutation's error for the next time.
 */
export function ConfirmedAction<V>({
  label,
  ariaLabel,
  testId,
  mutation,
  variables,
  dialog,
}: {
  label: string;
  ariaLabel: string;
  testId: string;
  mutation: ConfirmableMutation<V>;
  variables: V;
  dialog: Pick<ConfirmDialogProps, 'title' | 'body' | 'confirmLabel' | 'testId'>;
}) {
  const [open, setOpen] = useState(false);
  const errorText = useErrorText();
  const close = () => {
    setOpen(false);
    mutation.reset();
  };
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)} data-testid={testId} aria-label={ariaLabel}>
        {label}
      </Button>
      <ConfirmDialog
        {...dialog}
        open={open}
        pending={mutation.isPending}
        error={errorText(mutation.error)}
        onClose={close}
        onConfirm={() => mutation.mutate(variables, { onSuccess: close })}
      />
    </>
  );
}
