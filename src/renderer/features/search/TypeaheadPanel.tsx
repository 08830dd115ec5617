import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SearchHit } from '../../../shared/search/index.js';
import { TypeaheadOption } from './TypeaheadOption.js';
import type { TypeaheadFilter } from './useTypeahead.js';

const FILTERS: ReadonlyArray<{ value: TypeaheadFilter; key: string; testId?: string }> = [
  { value: 'all', key: 'typeahead.all' },
  { value: 'site', key: 'typeahead.sites', testId: 'typeahead-filter-sites' },
  { value: 'person', key: 'typeahead.people', testId: 'typeahead-filter-people' },
  { value: 'reference', key: 'typeahead.references', testId: 'typeahead-filter-references' },
];

export const optionId = (listId: string, i: number) => `${listId}-option-${i}`;

export interface TypeaheadPanelProps {
  listId: string;
  input: string;
  hits: SearchHit[];
  index: number;
  filter: TypeaheadFilter;
  onFilter(f: TypeaheadFilter): void;
  onPick(hit: SearchHit): void;
  onHover(i: number): void;
}

/** The dropdown under the lookup box: kind filter chips, then the results as a listbox. */
export const TypeaheadPanel = forwardRef<HTMLDivElement, TypeaheadPanelProps>(function TypeaheadPanel(props, ref) {
  const { listId, input, hits, index, filter, onFilter, onPick, onHover } = props;
  const { t } = useTranslation();
  return (
    <Paper
      ref={ref}
      variant="elevation"
      elevation={8}
      data-testid="typeahead"
      // Keep focus in the lookup box when choosing with the mouse.
      onMouseDown={(e) => e.preventDefault()}
      sx={{
        position: 'absolute',
        top: '100%',
        left: 0,
        right: 0,
        mt: 0.5,
        zIndex: (theme) => theme.zIndex.modal,
        border: 1,
        borderColor: 'divider',
        overflow: 'hidden',
      }}
    >
      <Stack
        direction="row"
        spacing={0.75}
        role="group"
        aria-label={t('typeahead.filtersLabel')}
        sx={{ px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider', alignItems: 'center' }}
      >
        {FILTERS.map((f) => (
          <Chip
            key={f.value}
            label={t(f.key)}
            tabIndex={-1}
            color={filter === f.value ? 'primary' : 'default'}
            variant={filter === f.value ? 'filled' : 'outlined'}
            aria-pressed={filter === f.value}
            data-testid={f.testId ?? 'typeahead-filter-all'}
            onClick={() => onFilter(f.value)}
          />
        ))}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" sx={{ display: { xs: 'none', md: 'block' } }}>
          {t('typeahead.keys')}
        </Typography>
      </Stack>
      {hits.length === 0 ? (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ px: 2, py: 1.5 }}
          role="status"
          data-testid="typeahead-empty"
        >
          {t('typeahead.noResults', { text: input.trim() })}
        </Typography>
      ) : (
        <Box
          component="ul"
          id={listId}
          role="listbox"
          aria-label={t('typeahead.label')}
          sx={{ listStyle: 'none', m: 0, p: 0.5, maxHeight: 420, overflowY: 'auto' }}
        >
          {hits.map((hit, i) => (
            <TypeaheadOption
              key={`${hit.kind}:${hit.id}`}
              id={optionId(listId, i)}
              hit={hit}
              active={i === index}
              onPick={() => onPick(hit)}
              onHover={() => onHover(i)}
            />
          ))}
        </Box>
      )}
    </Paper>
  );
});
