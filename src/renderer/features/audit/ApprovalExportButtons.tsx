import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useApprovalExport } from './useApprovalExport.js';

/** CSV and XLSX of the current filter, as the server signs them; the outcome is said in a snackbar. */
export function ApprovalExportButtons({ filter, disabled }: { filter: ApprovalFilter; disabled: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporter = useApprovalExport();
  const [format, setFormat] = useState<'csv' | 'xlsx' | null>(null);
  const run = (f: 'csv' | 'xlsx') => {
    setFormat(f);
    exporter.mutate({ format: f, filter });
  };
  const done = exporter.data;
  return (
    <>
      <Tooltip title={t('audit.approvals.export.hint')}>
        <Stack direction="row" spacing={1}>
          {(['csv', 'xlsx'] as const).map((f) => (
            <Button
              key={f}
              variant={f === 'xlsx' ? 'contained' : 'outlined'}
              disableElevation
              startIcon={<FileDownloadOutlined />}
              onClick={() => run(f)}
              disabled={disabled || exporter.isPending}
              data-testid={`approvals-export-${f}`}
            >
              {exporter.isPending && format === f
                ? t('audit.approvals.export.exporting')
                : t(`audit.approvals.export.${f}`)}
            </Button>
          ))}
        </Stack>
      </Tooltip>
      <Snackbar
        open={exporter.isSuccess || exporter.isError}
        autoHideDuration={exporter.isError ? null : 6000}
        onClose={() => exporter.reset()}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={exporter.isError ? 'error' : done?.saved ? 'success' : 'info'}
          onClose={() => exporter.reset()}
          data-testid="approvals-export-result"
        >
          {exporter.isError
            ? t('audit.approvals.export.failed', { message: errorText(exporter.error) })
            : done?.saved
              ? t('audit.approvals.export.saved', { filename: done.filename })
              : t('audit.approvals.export.cancelled')}
        </Alert>
      </Snackbar>
    </>
  );
}
