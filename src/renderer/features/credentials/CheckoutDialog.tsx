import { useState } from 'react';
import Dialog from '@mui/material/Dialog';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import type { LeaseView } from '../../../shared/credentials/leaseTypes.js';
import { CheckoutForm } from './CheckoutForm.js';
import { LeasePanel } from './LeasePanel.js';

/**
 * Check-out, then the lease. Everything secret lives in the LeasePanel's state and dies with this
 * dialog. While a lease is open, Esc and clicks outside do nothing (UX: Esc never destroys work):
 * the lease ends with Check in now, or by itself when the window is over.
 */
export function CheckoutDialog({
  credential,
  siteName,
  onClose,
}: {
  credential: CredentialMeta;
  siteName: string;
  onClose: () => void;
}) {
  const [lease, setLease] = useState<LeaseView | null>(null);
  return (
    <Dialog
      open
      onClose={lease ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid={lease ? 'lease-dialog' : 'checkout-dialog'}
    >
      {lease ? (
        <LeasePanel credential={credential} lease={lease} onClose={onClose} />
      ) : (
        <CheckoutForm credential={credential} siteName={siteName} onCancel={onClose} onCheckedOut={setLease} />
      )}
    </Dialog>
  );
}
