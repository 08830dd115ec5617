import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import Search from '@mui/icons-material/Search';
import { FINAL_STATUSES } from '../../../shared/approvals/workflowTypes.js';
import { actionsByCategory, getAction } from '../../../shared/approvals/catalogue.js';
import { ANOMALY_CODES } from '../../../shared/audit/anomalies.js';
import type { ApprovalFilter } from '../../../shared/audit/approvalQuery.js';
import { OUTCOMES_IN_ORDER } from '../../../shared/audit/outcomes.js';
import { useServices } from '../../app/useServices.js';
import { adminQueries } from '../admin/queries.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { setFilterKey } from './approvalFilterParams.js';
import { FilterChip } from './FilterChip.js';
import { DateRangeForm, OptionList, TextForm, localDay, type Option } from './FilterForms.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

/**
 * The site filter's options: every cached site, by name in the app's language. Made only while its
 * list is open: sorting 10k sites with the collator is ~40 ms, which the bar did on every render and
 * on every directory change (each sync page) while the approvals page was open.
 */
function SiteOptionList({ selected, onPick }: { selected: string | undefined; onPick: (id: string) => void }) {
  const { i18n } = useTranslation();
  const { directory } = useServices();
  const version = useDirectoryVersion();
  const collator = nameCollator(i18n.language);
  const options = useMemo<Option[]>(
    () =>
      directory
        .allSites()
        .map((s) => ({ value: s.id, label: s.name }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    // The directory changes in place; `version` says when.
    [directory, version, collator],
  );
  return <OptionList options={options} selected={selected} onPick={onPick} />;
}

/** Notes search waits this long after the last keystroke (one server query per pause, not per key). */
const SEARCH_DEBOUNCE_MS = 350;

/** The review's filters as chips, plus the notes search; every change goes to `onChange` at once. */
export function ApprovalFilterBar({
  filter,
  onChange,
}: {
  filter: ApprovalFilter;
  onChange: (next: ApprovalFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const { api, directory } = useServices();
  useDirectoryVersion(); // the site chip names its site from the directory: a rename shows
  const users = useQuery(adminQueries.users(api));
  const collator = nameCollator(i18n.language);
  const people = useMemo<Option[]>(
    () =>
      (users.data ?? [])
        .map((u) => ({ value: u.id, label: u.name || u.email }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [users.data, collator],
  );
  const actions = useMemo<Option[]>(
    () =>
      actionsByCategory().flatMap(({ category, actions: list }) => [
        {
          value: `category:${category}`,
          label: t('audit.approvals.filter.anyIn', { category: t(`approvals.category.${category}`) }),
          group: t(`approvals.category.${category}`),
        },
        ...list.map((a) => ({ value: a.id, label: a.title, group: t(`approvals.category.${category}`) })),
      ]),
    [t],
  );
  const set = <K extends keyof ApprovalFilter>(key: K, value: ApprovalFilter[K] | undefined) =>
    onChange(setFilterKey(filter, key, value));
  const name = (options: readonly Option[], id: string | undefined) =>
    id === undefined ? undefined : (options.find((o) => o.value === id)?.label ?? id);
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(Date.parse(localDay(iso) + 'T12:00'));
  const lastDay = (iso: string) => day(new Date(Date.parse(iso) - 1).toISOString());
  const dateValue =
    filter.from && filter.to
      ? t('audit.approvals.filter.between', { from: day(filter.from), to: lastDay(filter.to) })
      : filter.from
        ? t('audit.approvals.filter.since', { from: day(filter.from) })
        : filter.to
          ? t('audit.approvals.filter.until', { to: lastDay(filter.to) })
          : undefined;
  const actionValue = filter.action
    ? (getAction(filter.action)?.title ?? filter.action)
    : filter.category
      ? t(`approvals.category.${filter.category}`)
      : undefined;
  const k = 'audit.approvals.filter';
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }} data-testid="approval-filters">
      <NotesSearch value={filter.q} onChange={(q) => set('q', q)} />
      <FilterChip
        name={t(`${k}.date`)}
        value={dateValue}
        onClear={() => onChange(setFilterKey(setFilterKey(filter, 'from', undefined), 'to', undefined))}
        testId="date"
      >
        {(close) => (
          <DateRangeForm
            from={filter.from}
            to={filter.to}
            onApply={(range) => {
              const { from: _f, to: _t, ...rest } = filter;
              onChange({ ...rest, ...range });
              close();
            }}
          />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.site`)}
        value={filter.siteId === undefined ? undefined : (directory.site(filter.siteId)?.name ?? filter.siteId)}
        onClear={() => set('siteId', undefined)}
        testId="site"
      >
        {(close) => <SiteOptionList selected={filter.siteId} onPick={(v) => (set('siteId', v), close())} />}
      </FilterChip>
      <FilterChip
        name={t(`${k}.technician`)}
        value={name(people, filter.technicianId)}
        onClear={() => set('technicianId', undefined)}
        testId="technician"
      >
        {(close) => (
          <OptionList
            options={people}
            selected={filter.technicianId}
            onPick={(v) => (set('technicianId', v), close())}
          />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.action`)}
        value={actionValue}
        onClear={() => {
          const { action: _a, category: _c, ...rest } = filter;
          onChange(rest);
        }}
        testId="action"
      >
        {(close) => (
          <OptionList
            options={actions}
            selected={filter.action ?? (filter.category ? `category:${filter.category}` : undefined)}
            onPick={(v) => {
              const { action: _a, category: _c, ...rest } = filter;
              onChange(
                v.startsWith('category:')
                  ? { ...rest, category: v.slice(9) as ApprovalFilter['category'] }
                  : { ...rest, action: v },
              );
              close();
            }}
          />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.outcome`)}
        value={filter.outcome && t(`approvals.outcome.${filter.outcome}`)}
        onClear={() => set('outcome', undefined)}
        testId="outcome"
      >
        {(close) => (
          <OptionList
            options={OUTCOMES_IN_ORDER.map((o) => ({ value: o, label: t(`approvals.outcome.${o}`) }))}
            selected={filter.outcome}
            onPick={(v) => (set('outcome', v as ApprovalFilter['outcome']), close())}
          />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.finalState`)}
        value={filter.finalState && t(`approvals.final.${filter.finalState}`)}
        onClear={() => set('finalState', undefined)}
        testId="final-state"
      >
        {(close) => (
          <OptionList
            options={FINAL_STATUSES.map((s) => ({ value: s, label: t(`approvals.final.${s}`) }))}
            selected={filter.finalState}
            onPick={(v) => (set('finalState', v as ApprovalFilter['finalState']), close())}
          />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.ticket`)}
        value={filter.ticket}
        onClear={() => set('ticket', undefined)}
        testId="ticket"
      >
        {(close) => (
          <TextForm label={t(`${k}.ticket`)} value={filter.ticket} onApply={(v) => (set('ticket', v), close())} />
        )}
      </FilterChip>
      <FilterChip
        name={t(`${k}.flag`)}
        value={filter.flag && t(`audit.approvals.flagShort.${filter.flag}`)}
        onClear={() => set('flag', undefined)}
        testId="flag"
      >
        {(close) => (
          <OptionList
            options={ANOMALY_CODES.map((c) => ({ value: c, label: t(`audit.approvals.flagShort.${c}`) }))}
            selected={filter.flag}
            onPick={(v) => (set('flag', v as ApprovalFilter['flag']), close())}
          />
        )}
      </FilterChip>
      <Chip
        icon={<FlagOutlined />}
        label={t(`${k}.flagged`)}
        color={filter.flagged ? 'warning' : 'default'}
        variant={filter.flagged ? 'filled' : 'outlined'}
        onClick={() => set('flagged', filter.flagged ? undefined : true)}
        aria-pressed={filter.flagged === true}
        data-testid="filter-flagged"
      />
      {Object.keys(filter).length > 0 && (
        <Button size="small" onClick={() => onChange({})} data-testid="filter-clear">
          {t(`${k}.clearAll`)}
        </Button>
      )}
    </Stack>
  );
}

function NotesSearch({ value, onChange }: { value: string | undefined; onChange: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  const latest = useRef(onChange);
  latest.current = onChange;
  // A link or "Clear filters" replaces the value from outside.
  useEffect(() => setText(value ?? ''), [value]);
  useEffect(() => {
    const next = text.trim() || undefined;
    if (next === value) return;
    const timer = setTimeout(() => latest.current(next), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <TextField
      size="small"
      value={text}
      onChange={(e) => setText(e.target.value.slice(0, 200))}
      placeholder={t('audit.approvals.filter.searchPlaceholder')}
      sx={{ width: 240 }}
      slotProps={{
        htmlInput: {
          'aria-label': t('audit.approvals.filter.search'),
          'data-testid': 'filter-search',
          spellCheck: false,
        },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
