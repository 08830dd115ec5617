import type { ReactNode } from 'react';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

/**
 * Row styling for the app's dense tables: every body row is as tall as one with a small button, so
 * rows with and without actions line up; the last row drops its border (the Paper draws one).
 */
export const TABLE_ROWS = { '& tbody tr': { height: 44 }, '& tbody tr:last-of-type td': { borderBottom: 0 } } as const;

/**
 * One full-width row for a table's loading, error or empty state, so the header stays in place and
 * the message sits where the rows will be. Loading shows a thin bar plus words, never a spinner alone.
 */
export function TableMessageRow({ colSpan, kind, children, onRetry, retryLabel, testId }: { colSpan: number; kind: 'loading' | 'error' | 'empty'; children: ReactNode; onRetry?: () => void; retryLabel?: string; testId?: string }) {
  return (
    <TableRow data-testid={testId}>
      <TableCell colSpan={colSpan} sx={{ py: 3 }}>
        {kind === 'loading' && <LinearProgress sx={{ mb: 1.5, maxWidth: 320 }} />}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" color={kind === 'error' ? 'error' : 'text.secondary'} role={kind === 'error' ? 'alert' : undefined}>
            {children}
          </Typography>
          {onRetry && retryLabel && (
            <Button size="small" onClick={onRetry}>
              {retryLabel}
            </Button>
          )}
        </Stack>
      </TableCell>
    </TableRow>
  );
}
