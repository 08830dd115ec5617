import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
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
import { EXPORT_MAX, fetchAllAudit } from './fetchAllAudit.js';
import { useVerifyAuditChain } from './mutations.js';
import { auditQueries } from './queries.js';
import { toCsv } from './toCsv.js';
import { useAuditLabels } from './useAuditLabels.js';
import { VerifyBanner } from './VerifyBanner.js';
import { useErrorText } from '../../app/useErrorText.js';

const COLS = 6;

/** The server audit chain, newest first, 100 entries at a time (`audit.read`); verify and export. */
export function AuditTab() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = useServices();
  const [type, setType] = useState<string | null>(null);
  // `#/audit?at=<seq>&subject=<id>`: from an approval record's timeline — the trail from its entry on.
  const [params, setParams] = useSearchParams();
  const at = Number(params.get('at'));
  const start = Number.isSafeInteger(at) && at > 0 ? at : undefined;
  const subject = params.get('subject') ?? undefined;
  const audit = useInfiniteQuery(auditQueries.audit(api, type, start));
  const verify = useVerifyAuditChain();
  const { typeLabel, actorName } = useAuditLabels();
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  // Everything on the server that matches the filter, not just the loaded pages (up to EXPORT_MAX).
  const [exporting, setExporting] = useState<{ loaded: number } | null>(null);
  const [exportNote, setExportNote] = useState<{ error?: string; truncated?: boolean } | null>(null);
  const exportCsv = async () => {
    setExporting({ loaded: 0 });
    setExportNote(null);
    try {
      const all = await fetchAllAudit(api, type, (loaded) => setExporting({ loaded }));
      const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
      downloadText(
        `callsign-audit-${type ?? 'all'}-${stamp}.csv`,
        toCsv(auditCsvRows(all.entries, typeLabel, actorName)),
      );
      if (all.truncated) setExportNote({ truncated: true });
    } catch (err) {
      setExportNote({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setExporting(null);
    }
  };

  const message = audit.isPending ? (
    <TableMessageRow colSpan={COLS} kind="loading">
      {t('audit.loading')}
    </TableMessageRow>
  ) : audit.isError && entries.length === 0 ? (
    <TableMessageRow
      colSpan={COLS}
      kind="error"
      onRetry={() => void audit.refetch()}
      retryLabel={t('table.retry')}
      testId="audit-error"
    >
      {t('table.loadFailed', { message: errorText(audit.error) })}
    </TableMessageRow>
  ) : entries.length === 0 ? (
    <TableMessageRow colSpan={COLS} kind="empty" testId="audit-empty">
      {type ? t('audit.emptyType', { type: typeLabel(type) }) : t('audit.empty')}
    </TableMessageRow>
  ) : undefined;

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <AuditTypeSelect value={type} onChange={setType} label={typeLabel} />
        {audit.data && (
          <Typography variant="body2" color="text.secondary" data-testid="audit-count">
            {t('audit.count', { count: entries.length })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Button
          startIcon={<Refresh />}
          onClick={() => (start === undefined ? void audit.refetch() : setParams({}))}
          disabled={audit.isFetching}
          data-testid="audit-refresh"
        >
          {t('audit.refresh')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<VerifiedUserOutlined />}
          onClick={() => verify.mutate()}
          disabled={verify.isPending}
          data-testid="audit-verify"
        >
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </Button>
        <Tooltip title={t('audit.exportHint', { max: EXPORT_MAX })}>
          <span>
            <Button
              variant="contained"
              disableElevation
              startIcon={<FileDownloadOutlined />}
              onClick={() => void exportCsv()}
              disabled={entries.length === 0 || exporting !== null}
              data-testid="audit-export"
            >
              {exporting ? t('audit.exporting', { count: exporting.loaded }) : t('audit.export')}
            </Button>
          </span>
        </Tooltip>
      </Stack>
      {exportNote && (
        <Alert
          severity={exportNote.error ? 'error' : 'warning'}
          onClose={() => setExportNote(null)}
          data-testid="audit-export-note"
        >
          {exportNote.error
            ? t('audit.exportFailed', { message: exportNote.error })
            : t('audit.exportTruncated', { max: EXPORT_MAX })}
        </Alert>
      )}
      {start !== undefined && (
        <Alert severity="info" onClose={() => setParams({})} data-testid="audit-starts-at">
          {t('audit.startsAt', { seq: start })}
        </Alert>
      )}
      <VerifyBanner result={verify.data} error={verify.error} onRetry={() => verify.mutate()} />
      <AuditTable
        entries={entries}
        message={message}
        typeLabel={typeLabel}
        actorName={actorName}
        {...(subject ? { highlight: subject } : {})}
      />
      {entries.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'center' }}>
          {audit.hasNextPage ? (
            <Button
              size="small"
              onClick={() => void audit.fetchNextPage()}
              disabled={audit.isFetchingNextPage}
              data-testid="audit-load-more"
            >
              {audit.isFetchingNextPage ? t('audit.loadingMore') : t('audit.loadMore')}
            </Button>
          ) : (
            <Typography variant="caption" color="text.secondary" data-testid="audit-end">
              {t('audit.end')}
            </Typography>
          )}
          {audit.isFetchNextPageError && (
            <Typography variant="caption" color="error" role="alert">
              {t('table.loadFailed', { message: errorText(audit.error) ?? '' })}
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}
