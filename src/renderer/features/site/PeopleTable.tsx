import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableContainer from '@mui/material/TableContainer';
import TableRow from '@mui/material/TableRow';
import type { ClientProfile } from '../../../shared/domain/index.js';
import { PeopleTableHead } from './PeopleTableHead.js';
import { PersonRow } from './PersonRow.js';
import type { PeopleSortKey, PeopleView } from './peopleTable.js';

/** Tables longer than this render only the rows in view. */
export const VIRTUALISE_OVER = 200;
const ROW_ESTIMATE = 57;

export interface PeopleTableProps {
  rows: readonly ClientProfile[];
  siteCountry: string;
  view: PeopleView;
  onSort(key: PeopleSortKey): void;
  highlightId?: string | undefined;
}

/** The People table: sticky header, sortable columns, virtualised past 200 rows. */
export function PeopleTable({ rows, siteCountry, view, onSort, highlightId }: PeopleTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<HTMLTableRowElement>(null);
  const virtual = rows.length > VIRTUALISE_OVER;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    enabled: virtual,
  });
  const highlightIndex = highlightId ? rows.findIndex((p) => p.id === highlightId) : -1;

  useEffect(() => {
    if (highlightIndex < 0) return;
    if (virtual) virtualizer.scrollToIndex(highlightIndex, { align: 'center' });
    else highlightRef.current?.scrollIntoView?.({ block: 'center' });
    // Only when the highlighted person changes.
  }, [highlightIndex, virtual]);

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const padTop = virtual ? (items[0]?.start ?? 0) : 0;
  const padBottom = virtual ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const visible = virtual
    ? items.map((v) => ({ person: rows[v.index]!, index: v.index }))
    : rows.map((person, index) => ({ person, index }));

  return (
    <TableContainer
      ref={scrollRef}
      sx={{ maxHeight: 'max(320px, calc(100vh - 360px))', border: 1, borderColor: 'divider', borderRadius: 1 }}
      data-testid="people-table"
      data-virtual={virtual ? 'true' : 'false'}
    >
      <Table stickyHeader size="small" sx={{ tableLayout: 'fixed', minWidth: 760 }}>
        <PeopleTableHead view={view} onSort={onSort} />
        <TableBody>
          {padTop > 0 && <TableRow aria-hidden style={{ height: padTop }} />}
          {visible.map(({ person, index }) => (
            <PersonRow
              key={person.id}
              ref={virtual ? virtualizer.measureElement : index === highlightIndex ? highlightRef : undefined}
              index={index}
              person={person}
              siteCountry={siteCountry}
              highlighted={index === highlightIndex}
            />
          ))}
          {padBottom > 0 && <TableRow aria-hidden style={{ height: padBottom }} />}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
