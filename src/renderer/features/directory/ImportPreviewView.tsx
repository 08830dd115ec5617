import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ImportIssue, ImportPreview, PlannedRow } from '../../../shared/directory/import/contract.js';
import { headerFor } from '../../../shared/directory/import/headers.js';
import { resolveLocale } from '../../app/i18n/createI18n.js';

function IssueTable({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = resolveLocale(i18n.language);
  // The English sentence names the cell and what to do; other languages get the code's sentence.
  const text = (x: ImportIssue) => {
    const key = `directory.import.issue.${x.code}`;
    return lang.startsWith('en') || !i18n.exists(key) ? x.message : t(key, x.params);
  };
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 320 }}>
      <Table size="small" stickyHeader data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 64 }}>{t('directory.import.row')}</TableCell>
            <TableCell sx={{ width: 200 }}>{t('directory.import.column')}</TableCell>
            <TableCell>{t('directory.import.whatToDo')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {issues.map((x, i) => (
            <TableRow key={i} data-testid="import-issue" data-code={x.code}>
              <TableCell sx={{ fontVariantNumeric: 'tabular-nums' }}>{x.row || '—'}</TableCell>
              <TableCell>{x.header ?? (x.column ? headerFor(lang, x.column) : '—')}</TableCell>
              <TableCell>{text(x)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function Planned({ title, rows, testId }: { title: string; rows: readonly PlannedRow[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = resolveLocale(i18n.language);
  if (rows.length === 0) return null;
  return (
    <Stack spacing={0.5} data-testid={testId}>
      <Typography variant="subtitle2">{title}</Typography>
      <Typography variant="body2" component="ul" sx={{ m: 0, pl: 2.5, maxHeight: 200, overflow: 'auto' }}>
        {rows.map((r) => (
          <li key={`${r.row}-${r.id ?? ''}`}>
            {t('directory.import.plannedRow', { row: r.row, name: `${r.firstName} ${r.lastName}` })}
            {r.changed?.length ? ` (${r.changed.map((c) => headerFor(lang, c)).join(', ')})` : ''}
          </li>
        ))}
      </Typography>
    </Stack>
  );
}

/** What an import would do — problems (row, column, what to fix) and every change — before Apply. */
export function ImportPreviewView({ preview, onApply }: { preview: ImportPreview; onApply: (skip: boolean) => void }) {
  const { t } = useTranslation();
  const [skip, setSkip] = useState(false);
  const c = preview.counts;
  const changes = c.added + c.updated + c.deleted;
  const canApply = preview.canApply || (skip && changes > 0);
  return (
    <Stack spacing={2} data-testid="import-preview">
      <Alert
        severity={preview.errorCount > 0 ? 'error' : changes === 0 ? 'info' : 'success'}
        data-testid="import-counts"
      >
        {t('directory.import.previewCounts', { ...c, rows: preview.rows })}
        {changes === 0 && preview.errorCount === 0 && ` ${t('directory.import.nothingToDo')}`}
      </Alert>
      {preview.errors.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{t('directory.import.errors', { count: preview.errorCount })}</Typography>
          <IssueTable issues={preview.errors} testId="import-errors" />
        </Stack>
      )}
      {preview.warnings.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{t('directory.import.warnings', { count: preview.warningCount })}</Typography>
          <IssueTable issues={preview.warnings} testId="import-warnings" />
        </Stack>
      )}
      <Planned title={t('directory.import.added', { count: c.added })} rows={preview.added} testId="import-added" />
      <Planned
        title={t('directory.import.updated', { count: c.updated })}
        rows={preview.updated}
        testId="import-updated"
      />
      <Planned
        title={t('directory.import.deleted', { count: c.deleted })}
        rows={preview.deleted}
        testId="import-deleted"
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" disabled={!canApply} onClick={() => onApply(skip)} data-testid="import-apply">
          {t('directory.import.apply')}
        </Button>
        {preview.errorCount > 0 && changes > 0 && (
          <FormControlLabel
            control={<Checkbox checked={skip} onChange={(e) => setSkip(e.target.checked)} />}
            label={t('directory.import.skipFailed', { count: c.failed })}
          />
        )}
      </Stack>
    </Stack>
  );
}
