/**
 * The TOTP enrolment flow as a small state machine: idle → scanning (secret + QR shown, code asked)
 * → codes (recovery codes shown once) → idle. Secrets are held in this hook's React state only:
 * never in the query cache (mutations are reset as soon as their result is taken), storage, the URL
 * or a log. Leaving the page unmounts the hook and drops them; "I have saved them" drops the codes.
 */
import { useState } from 'react';
import type { TotpEnrolment } from '../../../shared/auth/session.js';
import { useConfirmTotp, useStartTotpEnrolment } from './mutations.js';

export type EnrolmentState =
  { phase: 'idle' } | { phase: 'scanning'; enrolment: TotpEnrolment } | { phase: 'codes'; recoveryCodes: string[] };

export function useTotpEnrolment() {
  const [state, setState] = useState<EnrolmentState>({ phase: 'idle' });
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  return {
    state,
    starting: start.isPending,
    startError: start.error,
    confirming: confirm.isPending,
    confirmError: confirm.error,
    /** `currentPassword` goes to the server once; the hook does not keep it. */
    start: (currentPassword: string) =>
      start.mutate(currentPassword, {
        onSuccess: (enrolment) => {
          setState({ phase: 'scanning', enrolment });
          start.reset();
        },
      }),
    confirm: (code: string) =>
      confirm.mutate(code, {
        onSuccess: ({ recoveryCodes }) => {
          setState({ phase: 'codes', recoveryCodes });
          confirm.reset();
        },
      }),
    /** Cancel during scanning, or "I have saved them" after the codes: everything secret goes. */
    finish: () => {
      start.reset();
      confirm.reset();
      setState({ phase: 'idle' });
    },
  };
}
