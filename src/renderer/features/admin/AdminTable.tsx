import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { TABLE_ROWS } from '../../app/TableMessageRow.js';
import { FilterField } from './FilterField.js';

export interface AdminColumn {
  key: string;
  label: string;
  align?: 'left' | 'right';
}

/**
 * The layout the Accounts and Devices tabs share: a filter box with the count beside it (once the
 * list has loaded), then a dense table with a sticky header; `children` is the table body's rows.
 */
export function AdminTable({
  filter,
  onFilter,
  filterLabel,
  filterTestId,
  count,
  ariaLabel,
  testId,
  columns,
  children,
}: {
  filter: string;
  onFilter: (v: string) => void;
  filterLabel: string;
  filterTestId: string;
  /** "4 accounts"; undefined until the list has loaded. */
  count: string | undefined;
  ariaLabel: string;
  testId: string;
  columns: readonly AdminColumn[];
  children: ReactNode;
}) {
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <FilterField value={filter} onChange={onFilter} label={filterLabel} testId={filterTestId} />
        {count !== undefined && (
          <Typography variant="body2" color="text.secondary">
            {count}
          </Typography>
        )}
      </Stack>
      <TableContainer component={Paper} sx={{ maxHeight: 'calc(100vh - 300px)' }}>
        <Table stickyHeader size="small" sx={TABLE_ROWS} aria-label={ariaLabel} data-testid={testId}>
          <TableHead>
            <TableRow>
              {columns.map((c) => (
                <TableCell key={c.key} align={c.align ?? 'left'}>
                  {c.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>{children}</TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
