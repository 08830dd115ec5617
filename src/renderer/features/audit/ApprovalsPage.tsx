import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import FactCheckOutlined from '@mui/icons-material/FactCheckOutlined';
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import { TableMessageRow } from '../../app/TableMessageRow.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useServices } from '../../app/useServices.js';
import { ApprovalExportButtons } from './ApprovalExportButtons.js';
import { ApprovalFilterBar } from './ApprovalFilterBar.js';
import { RECORD_PARAM, filterFromSearch, withFilter } from './approvalFilterParams.js';
import { approvalQueries } from './approvalQueries.js';
import { APPROVAL_COLUMNS, ApprovalsTable } from './ApprovalsTable.js';
import { ApprovalTimeline } from './ApprovalTimeline.js';
import { filterForPick, type ChartPick } from './chartFilters.js';

const VIEW_PARAM = 'view';
// The chart library is large: it loads with the Charts tab, not with the app.
const ApprovalCharts = lazy(() => import('./ApprovalCharts.js').then((m) => ({ default: m.ApprovalCharts })));

/**
 * Route `#/audit/approvals` (roles with `audit.read`: supervisor, admin; other roles are not routed
 * here and land on lookup): every stored approval record across the team, filtered by chips, as a
 * virtualised table or as charts; a record opens as a timeline. Filter, tab and open record live in
 * the route's query, so every view is a link. The server enforces the permission.
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { api } = useServices();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(params), [params]);
  const recordId = params.get(RECORD_PARAM);
  const view = params.get(VIEW_PARAM) === 'charts' ? 'charts' : 'records';
  const list = useInfiniteQuery(approvalQueries.list(api, filter));
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);

  const update = useCallback(
    (change: (p: URLSearchParams) => void) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          change(next);
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  const setFilter = (next: ApprovalFilter) => setParams((prev) => withFilter(prev, next));
  const open = useCallback((id: string) => update((p) => p.set(RECORD_PARAM, id)), [update]);
  const pick = (chartPick: ChartPick) =>
    setParams((prev) => {
      const next = withFilter(prev, filterForPick(filter, chartPick));
      next.delete(VIEW_PARAM);
      return next;
    });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  const filtered = Object.keys(filter).length > 0;
  const cols = APPROVAL_COLUMNS.length;
  const message = list.isPending ? (
    <TableMessageRow colSpan={cols} kind="loading">
      {t('audit.approvals.loading')}
    </TableMessageRow>
  ) : list.isError && items.length === 0 ? (
    <TableMessageRow
      colSpan={cols}
      kind="error"
      onRetry={() => void list.refetch()}
      retryLabel={t('table.retry')}
      testId="approvals-error"
    >
      {t('audit.approvals.loadFailed', { message: errorText(list.error) })}
    </TableMessageRow>
  ) : items.length === 0 ? (
    <TableMessageRow colSpan={cols} kind="empty" testId="approvals-empty">
      {filtered ? t('audit.approvals.emptyFiltered') : t('audit.approvals.empty')}
    </TableMessageRow>
  ) : undefined;

  return (
    <Stack spacing={1.5} sx={{ maxWidth: 1480, mx: 'auto' }} data-testid="approvals-review-page">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1 }}>
          <Typography variant="h1">{t('audit.approvals.title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('audit.approvals.subtitle')}
          </Typography>
        </Box>
        <Button component={RouterLink} to="/audit" startIcon={<FactCheckOutlined />} data-testid="approvals-trail-link">
          {t('audit.approvals.trailLink')}
        </Button>
        <ApprovalExportButtons filter={filter} disabled={items.length === 0} />
      </Stack>
      <ApprovalFilterBar filter={filter} onChange={setFilter} />
      <Stack direction="row" sx={{ alignItems: 'center', borderBottom: 1, borderColor: 'divider' }}>
        <Tabs
          value={view}
          onChange={(_e, v: string) => update((p) => (v === 'charts' ? p.set(VIEW_PARAM, v) : p.delete(VIEW_PARAM)))}
          aria-label={t('audit.approvals.viewsLabel')}
          sx={{ flex: 1, minHeight: 40, '& .MuiTab-root': { minHeight: 40 } }}
        >
          <Tab value="records" label={t('audit.approvals.tabRecords')} data-testid="tab-records" />
          <Tab value="charts" label={t('audit.approvals.tabCharts')} data-testid="tab-charts" />
        </Tabs>
        {view === 'records' && list.data && (
          <Typography variant="body2" color="text.secondary" data-testid="approvals-count" aria-live="polite">
            {hasNextPage
              ? t('audit.approvals.countMore', { count: items.length })
              : t('audit.approvals.count', { count: items.length })}
          </Typography>
        )}
        {view === 'charts' && (
          <Typography variant="body2" color="text.secondary">
            {t('audit.approvals.charts.clickHint')}
          </Typography>
        )}
      </Stack>
      {view === 'records' ? (
        <>
          <ApprovalsTable
            items={items}
            message={message}
            hasMore={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={loadMore}
            onOpen={open}
            selectedId={recordId}
          />
          {list.isFetchNextPageError && (
            <Typography variant="caption" color="error" role="alert">
              {t('audit.approvals.loadMoreFailed', { message: errorText(list.error) })}
            </Typography>
          )}
        </>
      ) : (
        <Suspense
          fallback={
            <Typography variant="body2" color="text.secondary" data-testid="charts-loading">
              {t('audit.approvals.charts.loading')}
            </Typography>
          }
        >
          <ApprovalCharts filter={filter} onPick={pick} />
        </Suspense>
      )}
      <ApprovalTimeline id={recordId} onClose={() => update((p) => p.delete(RECORD_PARAM))} />
    </Stack>
  );
}
