import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTheme } from '@mui/material/styles';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import { OUTCOMES_IN_ORDER } from '../../../shared/audit/outcomes.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useServices } from '../../app/useServices.js';
import { approvalQueries } from './approvalQueries.js';
import { toMinutes, type ChartPick } from './chartFilters.js';

const HEIGHT = 240;

/**
 * The review's five charts over the current filter (@mui/x-charts, which takes its colours, fonts and
 * text from the MUI theme, so light and dark both read). Clicking a bar or point calls `onPick`.
 */
export function ApprovalCharts({ filter, onPick }: { filter: ApprovalFilter; onPick: (pick: ChartPick) => void }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const errorText = useErrorText();
  const { api } = useServices();
  const stats = useQuery(approvalQueries.stats(api, filter));
  if (stats.isPending)
    return (
      <Box data-testid="charts-loading">
        <LinearProgress sx={{ mb: 1, maxWidth: 320 }} />
        <Typography variant="body2" color="text.secondary">
          {t('audit.approvals.charts.loading')}
        </Typography>
      </Box>
    );
  if (stats.isError)
    return (
      <Alert severity="error" data-testid="charts-error">
        {t('audit.approvals.charts.failed', { message: errorText(stats.error) })}
      </Alert>
    );
  const s = stats.data;
  const p = theme.palette;
  const outcomeColor = {
    proceed: p.success.main,
    approval_required: p.info.main,
    tier4: p.warning.main,
    escalate_partner: p.warning.dark,
    blocked: p.error.main,
  } as const;
  const days = s.perDay.map((d) => d.day);
  const decisionDays = s.timeToDecision.perDay.map((d) => d.day);
  const minutes = t('audit.approvals.charts.minutes');
  // Days are UTC calendar days; shown short in the user's language ("Nov 26", "26. Nov.").
  const dayLabel = (d: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      Date.parse(`${d}T00:00:00Z`),
    );
  const count = t('audit.approvals.charts.count');
  return (
    <Box
      data-testid="approval-charts"
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: { xs: '1fr', lg: 'repeat(6, 1fr)' },
        opacity: stats.isPlaceholderData ? 0.6 : 1,
      }}
    >
      <ChartCard title={t('audit.approvals.charts.perDay')} span={4} testId="chart-per-day" empty={days.length === 0}>
        <BarChart
          height={HEIGHT}
          xAxis={[{ scaleType: 'band', data: days, valueFormatter: dayLabel }]}
          yAxis={[{ label: count, tickMinStep: 1 }]}
          series={OUTCOMES_IN_ORDER.map((o) => ({
            id: o,
            label: t(`approvals.outcome.${o}`),
            data: s.perDay.map((d) => d.byOutcome[o] ?? 0),
            stack: 'total',
            color: outcomeColor[o],
          }))}
          onItemClick={(_e, item) => {
            const day = days[item.dataIndex];
            if (day) onPick({ chart: 'perDay', day, outcome: String(item.seriesId) });
          }}
          slotProps={{ legend: { position: { vertical: 'bottom', horizontal: 'center' } } }}
        />
      </ChartCard>
      <ChartCard
        title={t('audit.approvals.charts.timeToDecision')}
        span={2}
        testId="chart-time-to-decision"
        empty={decisionDays.length === 0}
        note={
          s.timeToDecision.overall.medianMs !== null
            ? t('audit.approvals.charts.overall', {
                median: toMinutes(s.timeToDecision.overall.medianMs),
                p90: toMinutes(s.timeToDecision.overall.p90Ms),
                count: s.timeToDecision.overall.count,
              })
            : undefined
        }
      >
        <LineChart
          height={HEIGHT}
          xAxis={[{ scaleType: 'point', data: decisionDays, valueFormatter: dayLabel }]}
          yAxis={[{ label: minutes, width: 56 }]}
          series={[
            {
              id: 'median',
              label: t('audit.approvals.charts.median'),
              data: s.timeToDecision.perDay.map((d) => toMinutes(d.medianMs)),
              color: p.primary.main,
              connectNulls: true,
              curve: 'linear',
            },
            {
              id: 'p90',
              label: t('audit.approvals.charts.p90'),
              data: s.timeToDecision.perDay.map((d) => toMinutes(d.p90Ms)),
              color: p.secondary.main,
              connectNulls: true,
              curve: 'linear',
            },
          ]}
          onMarkClick={(_e, item) => {
            const day = item.dataIndex !== undefined ? decisionDays[item.dataIndex] : undefined;
            if (day) onPick({ chart: 'timeToDecision', day });
          }}
          slotProps={{ legend: { position: { vertical: 'bottom', horizontal: 'center' } } }}
        />
      </ChartCard>
      <HorizontalBars
        title={t('audit.approvals.charts.escalations')}
        testId="chart-escalations"
        rows={s.escalationsBySite.map((r) => ({ id: r.siteId, name: r.siteName, count: r.count }))}
        color={p.warning.main}
        label={count}
        onPick={(id) => onPick({ chart: 'escalations', siteId: id })}
      />
      <HorizontalBars
        title={t('audit.approvals.charts.technicians')}
        testId="chart-technicians"
        rows={s.topTechnicians.map((r) => ({ id: r.technicianId, name: r.name, count: r.count }))}
        color={p.primary.main}
        label={count}
        onPick={(id) => onPick({ chart: 'technicians', technicianId: id })}
      />
      <HorizontalBars
        title={t('audit.approvals.charts.checkouts')}
        testId="chart-checkouts"
        rows={s.checkoutsByUser.map((r) => ({ id: r.userId, name: r.name, count: r.count }))}
        color={p.info.main}
        label={count}
        emptyText={t('audit.approvals.charts.noCheckouts')}
        onPick={(id) => onPick({ chart: 'checkouts', userId: id })}
      />
    </Box>
  );
}

function HorizontalBars({
  title,
  testId,
  rows,
  color,
  label,
  emptyText,
  onPick,
}: {
  title: string;
  testId: string;
  rows: Array<{ id: string; name: string; count: number }>;
  color: string;
  label: string;
  emptyText?: string;
  onPick: (id: string) => void;
}) {
  return (
    <ChartCard title={title} span={2} testId={testId} empty={rows.length === 0} {...(emptyText ? { emptyText } : {})}>
      <BarChart
        height={Math.max(HEIGHT, rows.length * 28 + 60)}
        layout="horizontal"
        yAxis={[{ scaleType: 'band', data: rows.map((r) => r.name), width: 120 }]}
        xAxis={[{ label, tickMinStep: 1 }]}
        series={[{ id: 'count', data: rows.map((r) => r.count), color, label }]}
        hideLegend
        onItemClick={(_e, item) => {
          const row = rows[item.dataIndex];
          if (row) onPick(row.id);
        }}
      />
    </ChartCard>
  );
}

function ChartCard({
  title,
  span,
  testId,
  empty,
  emptyText,
  note,
  children,
}: {
  title: string;
  span: number;
  testId: string;
  empty: boolean;
  emptyText?: string;
  note?: string | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 1.5, gridColumn: { lg: `span ${span}` }, minWidth: 0 }} data-testid={testId}>
      <Typography variant="subtitle2" component="h2">
        {title}
      </Typography>
      {note && (
        <Typography variant="caption" color="text.secondary" component="div">
          {note}
        </Typography>
      )}
      {empty ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ py: 4, textAlign: 'center' }}
          data-testid="chart-empty"
        >
          {emptyText ?? t('audit.approvals.charts.none')}
        </Typography>
      ) : (
        children
      )}
    </Paper>
  );
}
