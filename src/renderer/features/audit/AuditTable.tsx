import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { TABLE_ROWS } from '../../app/TableMessageRow.js';
import { AuditTime } from './AuditTime.js';
import { summarizeData } from './auditFormat.js';

const COLUMNS = ['seq', 'time', 'event', 'actor', 'subject', 'details'] as const;
const WIDTHS: Record<(typeof COLUMNS)[number], number | undefined> = {
  seq: 64,
  time: 232,
  event: 170,
  actor: 220,
  subject: 220,
  details: undefined,
};
const ELLIPSIS = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
/** Rows are one line each (ellipsis), so their height is fixed and needs no measuring. */
const ROW_HEIGHT = 36;
/** Past this many loaded entries only the visible rows are rendered (UX.md: long tables virtualised). */
export const VIRTUALISE_OVER = 200;

type Labels = { typeLabel: (t: string) => string; actorName: (a: string) => string };

/** Entries about an approval record (their subject is the record id) link to its timeline. */
const APPROVAL_TYPES = new Set(['approval.stored', 'approval.escalated']);

/**
 * The audit entries as a dense table with a sticky header; `message` (a TableMessageRow) stands in
 * for the rows while loading, on error or when there are none. Virtualised past VIRTUALISE_OVER rows.
 */
export function AuditTable({
  entries,
  message,
  typeLabel,
  actorName,
  highlight,
}: {
  entries: readonly AuditEntry[];
  message?: ReactNode;
  /** Entries with this subject are marked (the record a link came from). */
  highlight?: string;
} & Labels) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = !message && entries.length > VIRTUALISE_OVER;
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const visible = virtual ? items.map((v) => entries[v.index]!) : entries;
  return (
    <TableContainer
      ref={scrollRef}
      component={Paper}
      sx={{ maxHeight: 'calc(100vh - 340px)' }}
      data-virtual={virtual ? 'true' : 'false'}
    >
      <Table
        stickyHeader
        size="small"
        sx={{ ...TABLE_ROWS, tableLayout: 'fixed', '& tbody tr': { height: ROW_HEIGHT } }}
        aria-label={t('audit.title')}
        data-testid="audit-table"
      >
        <TableHead>
          <TableRow>
            {COLUMNS.map((c) => (
              <TableCell key={c} align={c === 'seq' ? 'right' : 'left'} sx={{ width: WIDTHS[c] }}>
                {t(`audit.col.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {message ?? (
            <>
              {padTop > 0 && <TableRow aria-hidden style={{ height: padTop }} />}
              {visible.map((e) => (
                <AuditRow
                  key={e.seq}
                  entry={e}
                  typeLabel={typeLabel}
                  actorName={actorName}
                  marked={highlight !== undefined && e.subject === highlight}
                />
              ))}
              {padBottom > 0 && <TableRow aria-hidden style={{ height: padBottom }} />}
            </>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function AuditRow({ entry: e, typeLabel, actorName, marked }: { entry: AuditEntry; marked: boolean } & Labels) {
  const { t } = useTranslation();
  const details = summarizeData(e.data);
  return (
    <TableRow
      hover
      selected={marked}
      data-testid="audit-row"
      data-type={e.type}
      data-subject={e.subject}
      data-marked={marked ? 'true' : undefined}
    >
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
      <TableCell sx={ELLIPSIS} title={e.subject} data-testid="audit-subject">
        {APPROVAL_TYPES.has(e.type) ? (
          <Link
            component={RouterLink}
            to={`/audit/approvals?record=${encodeURIComponent(e.subject)}`}
            aria-label={t('audit.openRecord')}
            data-testid="audit-open-record"
          >
            {e.subjectName ?? e.subject}
          </Link>
        ) : (
          (e.subjectName ?? e.subject)
        )}
      </TableCell>
      <TableCell sx={{ ...ELLIPSIS, color: 'text.secondary' }}>
        <Tooltip title={details.length > 60 ? summarizeData(e.data, 2000) : ''}>
          <span>{details || '—'}</span>
        </Tooltip>
      </TableCell>
    </TableRow>
  );
}
