import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import FileUploadOutlined from '@mui/icons-material/FileUploadOutlined';
import type { Site } from '../../../shared/domain/index.js';
import type { SheetFormat } from '../../../shared/directory/import/contract.js';
import { useErrorText } from '../../app/useErrorText.js';
import { resolveLocale } from '../../app/i18n/createI18n.js';
import { useServices } from '../../app/useServices.js';
import { toAppError } from '../../app/toAppError.js';
import { ImportPreviewView } from './ImportPreviewView.js';
import { formatOf, useProfileImport } from './useProfileImport.js';

/** Saves a file the server made: a download in the browser, the save dialog in Electron. */
function saveFile(name: string, type: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * seeds/002 "Add Clients in Bulk" / "To Edit or Delete clients in bulk": export the site's people
 * (or a blank template) with headers in the user's language, pick the edited file, see every
 * problem and change before anything is written, apply in one transaction, read the counts.
 */
export function SiteImportPanel({ site }: { site: Site }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const errorText = useErrorText();
  const flow = useProfileImport(site.id);
  const input = useRef<HTMLInputElement>(null);
  const [exportError, setExportError] = useState<string | undefined>();
  const [wrongFile, setWrongFile] = useState(false);
  const doExport = async (format: SheetFormat, template: boolean) => {
    setExportError(undefined);
    try {
      const file = await api.invoke('profiles.export', {
        siteId: site.id,
        format,
        lang: resolveLocale(i18n.language),
        template,
      });
      saveFile(file.fileName, file.contentType, file.base64);
    } catch (err) {
      setExportError(errorText(toAppError(err)));
    }
  };
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const format = formatOf(file.name);
    setWrongFile(!format);
    if (format) await flow.start(new Uint8Array(await file.arrayBuffer()), format);
    if (input.current) input.current.value = '';
  };
  const { state } = flow;
  const job = state.step === 'job' ? state.job : undefined;
  const busy = state.step === 'uploading' || job?.phase === 'validating' || job?.phase === 'applying';
  const percent =
    state.step === 'uploading'
      ? (state.sent / state.total) * 100
      : job && job.total > 0
        ? (job.done / job.total) * 100
        : 0;
  return (
    <Stack spacing={2} data-testid="import-panel">
      <Typography variant="body2" color="text.secondary">
        {t('directory.import.help')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          startIcon={<FileDownloadOutlined />}
          variant="outlined"
          onClick={() => void doExport('xlsx', false)}
          data-testid="export-xlsx"
        >
          {t('directory.import.exportXlsx')}
        </Button>
        <Button
          startIcon={<FileDownloadOutlined />}
          onClick={() => void doExport('csv', false)}
          data-testid="export-csv"
        >
          {t('directory.import.exportCsv')}
        </Button>
        <Button
          startIcon={<FileDownloadOutlined />}
          onClick={() => void doExport('xlsx', true)}
          data-testid="export-template"
        >
          {t('directory.import.template')}
        </Button>
        <Button
          startIcon={<FileUploadOutlined />}
          variant="contained"
          disabled={busy}
          onClick={() => input.current?.click()}
          data-testid="import-pick"
        >
          {t('directory.import.pick')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void pick(e.target.files?.[0])}
          data-testid="import-file"
          aria-label={t('directory.import.pick')}
        />
      </Stack>
      {exportError && <Alert severity="error">{exportError}</Alert>}
      {wrongFile && <Alert severity="error">{t('directory.import.wrongFile')}</Alert>}
      {busy && (
        <Stack spacing={0.5} data-testid="import-progress">
          <LinearProgress variant="determinate" value={percent} />
          <Typography variant="caption" color="text.secondary">
            {state.step === 'uploading'
              ? t('directory.import.uploading')
              : t(`directory.import.phase.${job!.phase}`, { done: job!.done, total: job!.total })}
          </Typography>
        </Stack>
      )}
      {state.step === 'error' && (
        <Alert severity="error" data-testid="import-error">
          {errorText(state.error)}
        </Alert>
      )}
      {job?.phase === 'failed' && (
        <Alert severity="error" data-testid="import-error">
          {errorText(job.error ?? { message: t('directory.import.failed') })}
        </Alert>
      )}
      {job?.phase === 'applied' && job.result && (
        <Alert severity="success" data-testid="import-result">
          {t('directory.import.result', job.result.counts)}
        </Alert>
      )}
      {job?.phase === 'ready' && job.preview && (
        <ImportPreviewView preview={job.preview} onApply={(skip) => void flow.apply(job.token, skip)} />
      )}
    </Stack>
  );
}
