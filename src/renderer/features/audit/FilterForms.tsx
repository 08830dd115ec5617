import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import MenuList from '@mui/material/MenuList';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

export interface Option {
  value: string;
  label: string;
  /** Options with a group are listed under its heading. */
  group?: string;
}

/**
 * Most options a list renders: the site filter offers every cached site (10k in bench:lookup's
 * workspace), and rendering each as a menu item froze the window when the filter opened. The rest
 * are counted below the list, and the narrowing box finds them.
 */
export const MAX_SHOWN_OPTIONS = 100;

/** The options of one filter, with a type-to-narrow box once there are more than a few. */
export function OptionList({
  options,
  selected,
  onPick,
}: {
  options: readonly Option[];
  selected: string | undefined;
  onPick: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const shown = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    return needle ? options.filter((o) => o.label.toLocaleLowerCase().includes(needle)) : options;
  }, [options, text]);
  const items: React.ReactNode[] = [];
  let group: string | undefined;
  for (const o of shown.slice(0, MAX_SHOWN_OPTIONS)) {
    if (o.group && o.group !== group) items.push(<ListSubheader key={`g-${o.group}`}>{o.group}</ListSubheader>);
    group = o.group;
    items.push(
      <MenuItem
        key={o.value}
        selected={o.value === selected}
        onClick={() => onPick(o.value)}
        data-testid="filter-option"
        data-value={o.value}
        dense
      >
        {o.label}
      </MenuItem>,
    );
  }
  return (
    <Stack spacing={1}>
      {options.length > 8 && (
        <TextField
          autoFocus
          size="small"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('audit.approvals.filter.narrow')}
          slotProps={{
            htmlInput: { 'aria-label': t('audit.approvals.filter.narrow'), 'data-testid': 'filter-narrow' },
          }}
        />
      )}
      <MenuList autoFocusItem={options.length <= 8} sx={{ maxHeight: 320, overflowY: 'auto', py: 0 }}>
        {items.length > 0 ? items : <MenuItem disabled>{t('audit.approvals.filter.noOptions')}</MenuItem>}
        {shown.length > MAX_SHOWN_OPTIONS && (
          <MenuItem disabled data-testid="filter-more">
            {t('audit.approvals.filter.more', { count: shown.length - MAX_SHOWN_OPTIONS })}
          </MenuItem>
        )}
      </MenuList>
    </Stack>
  );
}

/** A local calendar day (`YYYY-MM-DD` from a date input) as the ISO instant it starts at. */
export function startOfLocalDay(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** The local `YYYY-MM-DD` of an ISO instant (for a date input), `lessOneDay` for an exclusive end. */
export function localDay(iso: string | undefined, lessOneDay = false): string {
  if (!iso) return '';
  const at = new Date(Date.parse(iso) - (lessOneDay ? 1 : 0));
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** From and to as whole local days, both included (the filter's `to` is the start of the next day). */
export function DateRangeForm({
  from,
  to,
  onApply,
}: {
  from: string | undefined;
  to: string | undefined;
  onApply: (range: { from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation();
  const [start, setStart] = useState(localDay(from));
  const [end, setEnd] = useState(localDay(to, true));
  const backwards = start !== '' && end !== '' && end < start;
  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        if (backwards) return;
        onApply({
          ...(start ? { from: startOfLocalDay(start) } : {}),
          ...(end ? { to: startOfLocalDay(end, 1) } : {}),
        });
      }}
    >
      <TextField
        type="date"
        size="small"
        label={t('audit.approvals.filter.dateFrom')}
        value={start}
        onChange={(e) => setStart(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'filter-date-from' } }}
      />
      <TextField
        type="date"
        size="small"
        label={t('audit.approvals.filter.dateTo')}
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        error={backwards}
        helperText={backwards ? t('audit.approvals.filter.dateBackwards') : ' '}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'filter-date-to' } }}
      />
      <Button type="submit" variant="contained" disableElevation disabled={backwards} data-testid="filter-apply">
        {t('audit.approvals.filter.apply')}
      </Button>
    </Stack>
  );
}

/** One line of text (the ticket number), applied with Enter. */
export function TextForm({
  label,
  value,
  onApply,
}: {
  label: string;
  value: string | undefined;
  onApply: (text: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? '');
  return (
    <Stack
      component="form"
      spacing={1.5}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(text.trim() || undefined);
      }}
    >
      <TextField
        autoFocus
        size="small"
        label={label}
        value={text}
        onChange={(e) => setText(e.target.value.slice(0, 64))}
        slotProps={{ htmlInput: { 'data-testid': 'filter-text' } }}
      />
      <Button type="submit" variant="contained" disableElevation data-testid="filter-apply">
        {t('audit.approvals.filter.apply')}
      </Button>
    </Stack>
  );
}
