import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { CheckoutRequest, type CredentialMeta } from '../../../shared/api/credentials.js';
import { getAction } from '../../../shared/approvals/catalogue.js';
import type { LeaseView } from '../../../shared/credentials/leaseTypes.js';
import { isWrongSite, wrongSiteFields } from '../../../shared/credentials/wrongSite.js';
import { useServices } from '../../app/useServices.js';
import { useCaller } from '../lookup/useCaller.js';
import { useCheckout } from './mutations.js';
import { useApprovalChoices } from './useApprovalChoices.js';
import { useErrorText } from '../../app/useErrorText.js';

/**
 * Step one of a check-out: what the login window will be (before anything is shown), reason, ticket,
 * the approval record to link, and — when the caller on the line is from another site — an explicit
 * confirmation that is sent (and audited) as `wrongSiteConfirmed`.
 */
export function CheckoutForm({
  credential,
  siteName,
  onCancel,
  onCheckedOut,
}: {
  credential: CredentialMeta;
  siteName: string;
  onCancel: () => void;
  onCheckedOut: (lease: LeaseView) => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { directory } = useServices();
  const { caller } = useCaller();
  const callerSiteId = caller?.candidate.siteId;
  const choices = useApprovalChoices(credential.siteId);
  const checkout = useCheckout();
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [approvalId, setApprovalId] = useState<string | undefined>(undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const approval = approvalId ?? choices?.preselectedId ?? '';
  const wrongSite = isWrongSite(credential.siteId, callerSiteId);
  const guard = wrongSiteFields(credential.siteId, callerSiteId, confirmed);

  const submit = () => {
    if ('blocked' in guard) return;
    const parsed = CheckoutRequest.safeParse({
      reason,
      ticket,
      ...(approval ? { approvalId: approval } : {}),
      ...guard,
    });
    if (!parsed.success) {
      setFieldErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setFieldErrors({});
    checkout.mutate({ credentialId: credential.id, ...parsed.data }, { onSuccess: onCheckedOut });
  };
  const serverField = checkout.error?.field;
  const errorFor = (f: 'reason' | 'ticket') =>
    fieldErrors[f] ?? (serverField === f ? errorText(checkout.error) : undefined);

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <DialogTitle>{t('credentials.dialog.title', { name: credential.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Alert severity="info" data-testid="checkout-window">
            {t(credential.kind === 'dynamic' ? 'credentials.dialog.windowDynamic' : 'credentials.dialog.windowStatic')}
          </Alert>
          <TextField
            label={t('credentials.dialog.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            autoFocus
            multiline
            minRows={2}
            error={Boolean(errorFor('reason'))}
            helperText={errorFor('reason') ?? t('credentials.dialog.reasonHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'checkout-reason', maxLength: 500 } }}
          />
          <TextField
            label={t('credentials.dialog.ticket')}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
            required
            error={Boolean(errorFor('ticket'))}
            helperText={errorFor('ticket') ?? t('credentials.dialog.ticketHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'checkout-ticket', maxLength: 32 } }}
          />
          <TextField
            select
            label={t('credentials.dialog.approval')}
            value={approval}
            onChange={(e) => setApprovalId(e.target.value)}
            helperText={t('credentials.dialog.approvalHelp')}
            slotProps={{ htmlInput: { 'data-testid': 'checkout-approval' } }}
          >
            <MenuItem value="">{t('credentials.dialog.approvalNone')}</MenuItem>
            {(choices?.records ?? []).map((r) => (
              <MenuItem key={r.id} value={r.id} data-testid={`approval-option-${r.id}`}>
                {t('credentials.dialog.approvalOption', {
                  time: new Date(r.createdAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' }),
                  caller: 'profileId' in r.caller ? r.caller.name : (r.caller.unidentified.name ?? '—'),
                  action: getAction(r.request.action)?.title ?? r.request.action,
                })}
              </MenuItem>
            ))}
          </TextField>
          {wrongSite && (
            <Alert severity="warning" data-testid="checkout-wrong-site">
              {t('credentials.dialog.wrongSite', {
                callerSite: directory.site(callerSiteId!)?.name ?? callerSiteId,
                site: siteName,
              })}
              <FormControlLabel
                sx={{ display: 'flex', mt: 1 }}
                control={
                  <Checkbox
                    checked={confirmed}
                    onChange={(e) => setConfirmed(e.target.checked)}
                    slotProps={{ input: { 'data-testid': 'checkout-wrong-site-confirm' } as object }}
                  />
                }
                label={t('credentials.dialog.wrongSiteConfirm', { site: siteName })}
              />
            </Alert>
          )}
          {checkout.error && !serverField && (
            <Alert severity="error" data-testid="checkout-error">
              {errorText(checkout.error)}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>{t('credentials.dialog.cancel')}</Button>
        <Button
          type="submit"
          variant="contained"
          disabled={checkout.isPending || 'blocked' in guard}
          data-testid="checkout-submit"
        >
          {checkout.isPending ? t('credentials.dialog.submitting') : t('credentials.dialog.submit')}
        </Button>
      </DialogActions>
    </form>
  );
}
