import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { TABLE_ROWS } from '../../app/TableMessageRow.js';
import { AuditTime } from './AuditTime.js';
import { summarizeData } from './auditFormat.js';

const COLUMNS = ['seq', 'time', 'event', 'actor', 'subject', 'details'] as const;
const WIDTHS: Record<(typeof COLUMNS)[number], number | undefined> = { seq: 64, time: 232, event: 170, actor: 220, subject: 220, details: undefined };
const ELLIPSIS = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/**
 * The audit entries as a dense table with a sticky header; `message` (a TableMessageRow) stands in
 * for the rows while loading, on error or when there are none.
 */
export function AuditTable({ entries, message, typeLabel, actorName }: { entries: readonly AuditEntry[]; message?: ReactNode; typeLabel: (t: string) => string; actorName: (a: string) => string }) {
  const { t } = useTranslation();
  return (
    <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 340px)' }}>
      <Table stickyHeader size="small" sx={{ ...TABLE_ROWS, tableLayout: 'fixed', '& tbody tr': { height: 36 } }} aria-label={t('admin.audit.title')} data-testid="audit-table">
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c} align={c === 'seq' ? 'right' : 'left'} sx={{ width: WIDTHS[c] }}>
                {t(`admin.audit.col.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {message ??
            entries.map((e) => {
              const details = summarizeData(e.data);
              return (
                <TableRow key={e.seq} hover data-testid="audit-row" data-type={e.type} data-subject={e.subject}>
                  <TableCell align="right" sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
                    {e.seq}
                  </TableCell>
                  <TableCell sx={{ ...ELLIPSIS, fontVariantNumeric: 'tabular-nums' }}>
                    <AuditTime iso={e.at} />
                  </TableCell>
                  <TableCell sx={{ ...ELLIPSIS, fontWeight: 600 }} title={e.type} data-testid="audit-event">
                    {typeLabel(e.type)}
                  </TableCell>
                  <TableCell sx={ELLIPSIS} title={e.actor}>
                    {actorName(e.actor)}
                  </TableCell>
                  <TableCell sx={ELLIPSIS} title={e.subject}>
                    {e.subject}
                  </TableCell>
                  <TableCell sx={{ ...ELLIPSIS, color: 'text.secondary' }}>
                    <Tooltip title={details.length > 60 ? summarizeData(e.data, 2000) : ''}>
                      <span>{details || '—'}</span>
                    </Tooltip>
                  </TableCell>
                </TableRow>
              );
            })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
