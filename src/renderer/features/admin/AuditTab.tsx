import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Refresh from '@mui/icons-material/Refresh';
import VerifiedUserOutlined from '@mui/icons-material/VerifiedUserOutlined';
import { TableMessageRow } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { AuditTable } from './AuditTable.js';
import { AuditTypeSelect } from './AuditTypeSelect.js';
import { auditCsvRows, downloadText } from './auditFormat.js';
import { useVerifyAuditChain } from './mutations.js';
import { adminQueries } from './queries.js';
import { toCsv } from './toCsv.js';
import { useAuditLabels } from './useAuditLabels.js';
import { VerifyBanner } from './VerifyBanner.js';

const COLS = 6;

/** The server audit chain, newest first, 100 entries at a time (`audit.read`); verify and export. */
export function AuditTab() {
  const { t } = useTranslation();
  const { api } = useServices();
  const [type, setType] = useState<string | null>(null);
  const audit = useInfiniteQuery(adminQueries.audit(api, type));
  const verify = useVerifyAuditChain();
  const { typeLabel, actorName } = useAuditLabels();
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  const exportCsv = () => {
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    downloadText(`callsign-audit-${type ?? 'all'}-${stamp}.csv`, toCsv(auditCsvRows(entries, typeLabel, actorName)));
  };

  const message = audit.isPending ? (
    <TableMessageRow colSpan={COLS} kind="loading">{t('admin.audit.loading')}</TableMessageRow>
  ) : audit.isError && entries.length === 0 ? (
    <TableMessageRow colSpan={COLS} kind="error" onRetry={() => void audit.refetch()} retryLabel={t('account.retry')} testId="audit-error">
      {t('account.loadFailed', { message: audit.error.message })}
    </TableMessageRow>
  ) : entries.length === 0 ? (
    <TableMessageRow colSpan={COLS} kind="empty" testId="audit-empty">
      {type ? t('admin.audit.emptyType', { type: typeLabel(type) }) : t('admin.audit.empty')}
    </TableMessageRow>
  ) : undefined;

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <AuditTypeSelect value={type} onChange={setType} label={typeLabel} />
        {audit.data && (
          <Typography variant="body2" color="text.secondary" data-testid="audit-count">
            {t('admin.audit.count', { count: entries.length })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Button startIcon={<Refresh />} onClick={() => void audit.refetch()} disabled={audit.isFetching} data-testid="audit-refresh">
          {t('admin.audit.refresh')}
        </Button>
        <Button variant="outlined" startIcon={<VerifiedUserOutlined />} onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="audit-verify">
          {verify.isPending ? t('admin.audit.verifying') : t('admin.audit.verify')}
        </Button>
        <Tooltip title={t('admin.audit.exportHint', { count: entries.length })}>
          <span>
            <Button variant="contained" disableElevation startIcon={<FileDownloadOutlined />} onClick={exportCsv} disabled={entries.length === 0} data-testid="audit-export">
              {t('admin.audit.export')}
            </Button>
          </span>
        </Tooltip>
      </Stack>
      <VerifyBanner result={verify.data} error={verify.error} onRetry={() => verify.mutate()} />
      <AuditTable entries={entries} message={message} typeLabel={typeLabel} actorName={actorName} />
      {entries.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          {audit.hasNextPage ? (
            <Button size="small" onClick={() => void audit.fetchNextPage()} disabled={audit.isFetchingNextPage} data-testid="audit-load-more">
              {audit.isFetchingNextPage ? t('admin.audit.loadingMore') : t('admin.audit.loadMore')}
            </Button>
          ) : (
            <Typography variant="caption" color="text.secondary" data-testid="audit-end">
              {t('admin.audit.end')}
            </Typography>
          )}
          {audit.isFetchNextPageError && (
            <Typography variant="caption" color="error" role="alert">
              {t('account.loadFailed', { message: audit.error?.message ?? '' })}
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}
