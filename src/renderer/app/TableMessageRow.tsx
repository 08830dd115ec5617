import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useErrorText } from './useErrorText.js';

/**
 * Row styling for the app's dense tables: every body row is as tall as one with a small button, so
 * rows with and without actions line up; the last row drops its border (the Paper draws one).
 */
export const TABLE_ROWS = { '& tbody tr': { height: 44 }, '& tbody tr:last-of-type td': { borderBottom: 0 } } as const;

/**
 * One full-width row for a table's loading, error or empty state, so the header stays in place and
 * the message sits where the rows will be. Loading shows a thin bar plus words, never a spinner alone.
 */
export function TableMessageRow({
  colSpan,
  kind,
  children,
  onRetry,
  retryLabel,
  testId,
}: {
  colSpan: number;
  kind: 'loading' | 'error' | 'empty';
  children: ReactNode;
  onRetry?: () => void;
  retryLabel?: string;
  testId?: string;
}) {
  return (
    <TableRow data-testid={testId}>
      <TableCell colSpan={colSpan} sx={{ py: 3 }}>
        {kind === 'loading' && <LinearProgress sx={{ mb: 1.5, maxWidth: 320 }} />}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography
            variant="body2"
            color={kind === 'error' ? 'error' : 'text.secondary'}
            role={kind === 'error' ? 'alert' : undefined}
          >
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

export interface RowsQuery {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
  refetch: () => unknown;
}

/**
 * A query-backed table body: the loading row while `query` is pending, the error row with Retry
 * when it failed, the empty row when `isEmpty`, else `children` (the rows).
 */
export function QueryRows({
  query,
  isEmpty,
  colSpan,
  loading,
  empty,
  errorTestId,
  children,
}: {
  query: RowsQuery;
  isEmpty: boolean;
  colSpan: number;
  loading: string;
  empty: string;
  errorTestId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (query.isPending) {
    return (
      <TableMessageRow colSpan={colSpan} kind="loading">
        {loading}
      </TableMessageRow>
    );
  }
  if (query.isError) {
    return (
      <TableMessageRow
        colSpan={colSpan}
        kind="error"
        onRetry={() => void query.refetch()}
        retryLabel={t('table.retry')}
        testId={errorTestId}
      >
        {t('table.loadFailed', { message: errorText(query.error) ?? '' })}
      </TableMessageRow>
    );
  }
  if (isEmpty) {
    return (
      <TableMessageRow colSpan={colSpan} kind="empty">
        {empty}
      </TableMessageRow>
    );
  }
  return <>{children}</>;
}
