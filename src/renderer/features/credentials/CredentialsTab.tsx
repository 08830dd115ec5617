import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CredentialMeta } from '../../../shared/api/credentials.js';
import { hasPermission } from '../../../shared/auth/permissions.js';
import type { Role } from '../../../shared/api/auth.js';
import { ConfirmDialog } from '../../app/ConfirmDialog.js';
import { useServices } from '../../app/useServices.js';
import { useNow } from '../sync/useNow.js';
import { CheckoutDialog } from './CheckoutDialog.js';
import { CredentialRow } from './CredentialRow.js';
import { useForceCheckin } from './mutations.js';
import { credentialQueries } from './queries.js';
import { useSiteCredentials } from './useSiteCredentials.js';
import { useErrorText } from '../../app/useErrorText.js';

const COLUMNS = ['account', 'kind', 'resources', 'lease', 'rotation', 'actions'] as const;

/**
 * The site view's Credentials tab (roles with `credentials.checkout`): the site's back-office accounts
 * from the offline cache, refreshed from the server when online. No password is ever part of this list.
 */
export function CredentialsTab({ siteId, siteName, role }: { siteId: string; siteName: string; role: Role }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api, db } = useServices();
  const accounts = useSiteCredentials(siteId);
  const fresh = useQuery(credentialQueries.fresh(api, db, siteId));
  const now = useNow(15_000);
  const [checkingOut, setCheckingOut] = useState<CredentialMeta | null>(null);
  const [forcing, setForcing] = useState<CredentialMeta | null>(null);
  const force = useForceCheckin();
  return (
    <Box data-testid="credentials-tab">
      <Typography variant="h2">{t('credentials.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {t('credentials.subtitle')}
      </Typography>
      {fresh.error?.code === 'server_unreachable' && (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="credentials-offline">
          {t('credentials.offlineNote')}
        </Alert>
      )}
      {fresh.error && fresh.error.code !== 'server_unreachable' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {errorText(fresh.error)}
        </Alert>
      )}
      {accounts && accounts.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="credentials-empty">
          {t('credentials.empty')}
        </Typography>
      ) : (
        <TableContainer component={Paper}>
          <Table size="small" stickyHeader aria-label={t('credentials.title')}>
            <TableHead>
              <TableRow>
                {COLUMNS.map((c) => (
                  <TableCell key={c} align={c === 'actions' ? 'right' : 'left'}>
                    {t(`credentials.col.${c}`)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(accounts ?? []).map((c) => (
                <CredentialRow
                  key={c.id}
                  credential={c}
                  now={now}
                  canForce={hasPermission(role, 'credentials.force_checkin')}
                  onCheckout={() => setCheckingOut(c)}
                  onForce={() => setForcing(c)}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {checkingOut && (
        <CheckoutDialog
          key={checkingOut.id}
          credential={checkingOut}
          siteName={siteName}
          onClose={() => setCheckingOut(null)}
        />
      )}
      <ConfirmDialog
        open={forcing !== null}
        title={t('credentials.forceTitle', { name: forcing?.lease?.heldBy ?? '', account: forcing?.name ?? '' })}
        body={t('credentials.forceBody')}
        confirmLabel={t('credentials.forceCheckin')}
        pending={force.isPending}
        error={errorText(force.error)}
        onConfirm={() => forcing && force.mutate(forcing.id, { onSuccess: () => setForcing(null) })}
        onClose={() => (force.reset(), setForcing(null))}
        testId="credential-force-confirm"
      />
    </Box>
  );
}
