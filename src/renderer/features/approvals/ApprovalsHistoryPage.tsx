import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useServices } from '../../app/useServices.js';
import { uploadStatus } from '../../db/approvalOutbox.js';
import { ApprovalHistoryRow } from './ApprovalHistoryRow.js';
import { DemoOutboxPanel } from './DemoOutboxPanel.js';
import { useRetryFailedUploads } from './mutations.js';
import { useApprovalRows } from './useApprovalRows.js';
import { VerifyChainButton } from './VerifyChainButton.js';
import { getSites } from '../../db/siteChunks.js';

/** Route `#/approvals`: this device's approval records (newest first), upload state, chain check. */
export function ApprovalsHistoryPage() {
  const { t } = useTranslation();
  const { db } = useServices();
  const rows = useApprovalRows();
  const siteIds = [...new Set((rows ?? []).map((r) => r.record.siteId))].sort().join('|');
  const siteNames = useLiveQuery(
    async () => new Map((await getSites(db, siteIds.split('|'))).flatMap((s) => (s ? [[s.id, s.name] as const] : []))),
    [db, siteIds],
  );
  const retry = useRetryFailedUploads();
  const failed = (rows ?? []).filter((r) => uploadStatus(r) === 'failed');
  return (
    <Stack spacing={2} sx={{ maxWidth: 1280, mx: 'auto' }}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <Box>
          <Typography variant="h1">{t('approvals.history.title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('approvals.history.subtitle')}
          </Typography>
        </Box>
        <VerifyChainButton />
      </Stack>
      {failed.length > 0 && (
        <Alert
          severity="error"
          data-testid="upload-failed"
          action={
            <Button color="inherit" onClick={() => retry.mutate()} data-testid="retry-uploads">
              {t('approvals.history.retry')}
            </Button>
          }
        >
          {t('approvals.history.failed', { count: failed.length, message: failed[0]?.lastError ?? '' })}
        </Alert>
      )}
      {rows && rows.length === 0 ? (
        <Paper sx={{ p: 3 }} data-testid="approvals-empty">
          <Typography variant="body1">{t('approvals.history.empty')}</Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} sx={{ maxHeight: '70vh' }}>
          <Table stickyHeader size="small" aria-label={t('approvals.history.title')}>
            <TableHead>
              <TableRow>
                {(['time', 'site', 'caller', 'action', 'finalState', 'ticket', 'upload'] as const).map((c) => (
                  <TableCell key={c}>{t(`approvals.history.col.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows ?? []).map((row) => (
                <ApprovalHistoryRow
                  key={row.id}
                  row={row}
                  siteName={siteNames?.get(row.record.siteId) ?? row.record.siteId}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Box sx={{ maxWidth: 480 }}>
        <DemoOutboxPanel />
      </Box>
    </Stack>
  );
}
