import { useEffect, useRef, type ReactNode } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import { getAction } from '../../../shared/approvals/catalogue.js';
import type { ApprovalListItem } from '../../../shared/audit/approvalList.js';
import { TABLE_ROWS } from '../../app/TableMessageRow.js';
import { FINAL_COLOR } from '../approvals/outcomeColor.js';

export const APPROVAL_COLUMNS = [
  'time',
  'site',
  'technician',
  'caller',
  'action',
  'outcome',
  'finalState',
  'ticket',
  'flags',
] as const;
const WIDTHS: Record<(typeof APPROVAL_COLUMNS)[number], number | undefined> = {
  time: 176,
  site: undefined,
  technician: 120,
  caller: 120,
  action: undefined,
  outcome: 100,
  finalState: 165,
  ticket: 110,
  flags: 84,
};
const ELLIPSIS = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
/** One line per row (ellipsis), so rows need no measuring. */
export const APPROVAL_ROW_HEIGHT = 40;
/** Ask for the next page when the visible window comes this close to the end of the loaded rows. */
const PREFETCH_ROWS = 60;
const NO_LAYOUT_RECT = { width: 1200, height: 600 };

/**
 * The filtered approval records, always virtualised (a supervisor may scroll through 100k): only the
 * rows in view plus a small overscan are in the DOM, and the next keyset page loads before the end is
 * reached. `message` (a TableMessageRow) stands in for the rows while loading, on error or when empty.
 */
export function ApprovalsTable({
  items,
  message,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  selectedId,
}: {
  items: readonly ApprovalListItem[];
  message?: ReactNode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
  selectedId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => APPROVAL_ROW_HEIGHT,
    overscan: 12,
    // Before layout (first paint, jsdom) the box measures 0×0: assume a window's worth of rows
    // rather than render none.
    initialRect: NO_LAYOUT_RECT,
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (r) => cb(r.height === 0 && r.width === 0 ? NO_LAYOUT_RECT : r)),
  });
  const virtual = virtualizer.getVirtualItems();
  const lastIndex = virtual.at(-1)?.index ?? 0;
  useEffect(() => {
    if (!message && hasMore && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) onLoadMore();
  }, [message, hasMore, loadingMore, lastIndex, items.length, onLoadMore]);
  const padTop = virtual[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (virtual.at(-1)?.end ?? 0);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <TableContainer
      ref={scrollRef}
      component={Paper}
      sx={{ height: 'calc(100vh - 260px)', minHeight: 320 }}
      data-testid="approvals-scroll"
    >
      <Table
        stickyHeader
        size="small"
        sx={{ ...TABLE_ROWS, tableLayout: 'fixed', '& tbody tr': { height: APPROVAL_ROW_HEIGHT } }}
        aria-label={t('audit.approvals.tableLabel')}
        aria-rowcount={items.length}
        data-testid="approvals-table"
      >
        <TableHead>
          <TableRow>
            {APPROVAL_COLUMNS.map((c) => (
              <TableCell key={c} sx={{ width: WIDTHS[c] }}>
                {t(`audit.approvals.col.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {message ?? (
            <>
              {padTop > 0 && <TableRow aria-hidden style={{ height: padTop }} />}
              {virtual.map((v) => {
                const item = items[v.index]!;
                return (
                  <ApprovalRow
                    key={item.id}
                    item={item}
                    time={time.format(Date.parse(item.time))}
                    selected={item.id === selectedId}
                    onOpen={onOpen}
                  />
                );
              })}
              {padBottom > 0 && <TableRow aria-hidden style={{ height: padBottom }} />}
            </>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ApprovalRow({
  item,
  time,
  selected,
  onOpen,
}: {
  item: ApprovalListItem;
  time: string;
  selected: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const flags = item.flags.map((code) => t(`audit.approvals.flagShort.${code}`));
  return (
    <TableRow
      hover
      selected={selected}
      tabIndex={0}
      onClick={() => onOpen(item.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onOpen(item.id);
      }}
      sx={{ cursor: 'pointer' }}
      data-testid="approval-review-row"
      data-id={item.id}
      data-flagged={item.flags.length > 0 ? 'true' : 'false'}
    >
      <TableCell sx={{ ...ELLIPSIS, fontVariantNumeric: 'tabular-nums' }} title={item.time}>
        {time}
      </TableCell>
      <TableCell sx={ELLIPSIS} title={item.site.name} data-testid="row-site">
        {item.site.name}
      </TableCell>
      <TableCell sx={ELLIPSIS} title={item.technician.name} data-testid="row-technician">
        {item.technician.name}
      </TableCell>
      <TableCell sx={ELLIPSIS} title={item.callerName}>
        {item.callerName || t('audit.approvals.unidentified')}
      </TableCell>
      <TableCell sx={ELLIPSIS} title={getAction(item.action)?.title ?? item.action}>
        {getAction(item.action)?.title ?? item.action}
      </TableCell>
      <TableCell sx={ELLIPSIS} title={t(`approvals.outcome.${item.outcome}`)}>
        {t(`audit.approvals.outcomeShort.${item.outcome}`)}
      </TableCell>
      <TableCell sx={ELLIPSIS}>
        <Chip size="small" color={FINAL_COLOR[item.finalState]} label={t(`approvals.final.${item.finalState}`)} />
      </TableCell>
      <TableCell sx={ELLIPSIS}>{item.ticket ?? ''}</TableCell>
      <TableCell>
        {flags.length > 0 && (
          <Tooltip title={flags.join(' · ')}>
            <Chip
              size="small"
              color="warning"
              variant="outlined"
              icon={<FlagOutlined />}
              label={flags.length}
              aria-label={t('audit.approvals.flagsCount', { count: flags.length })}
              data-testid="row-flags"
            />
          </Tooltip>
        )}
      </TableCell>
    </TableRow>
  );
}
