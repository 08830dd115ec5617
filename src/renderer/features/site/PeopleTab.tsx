import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterListOutlined from '@mui/icons-material/FilterListOutlined';
import type { Site } from '../../../shared/domain/index.js';
import { FreshnessNote } from './FreshnessNote.js';
import { PeopleTable } from './PeopleTable.js';
import { filterAndSortPeople, type PeopleSortKey, type PeopleView } from './peopleTable.js';
import { useSitePeople } from './useSitePeople.js';

/** Everyone at the site, filterable and sortable; `highlightId` (from type-ahead) is scrolled to. */
export function PeopleTab({ site, highlightId }: { site: Site; highlightId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const people = useSitePeople(site.id);
  const [view, setView] = useState<PeopleView>({ filter: '', sortBy: 'name', direction: 'asc' });
  const all = people.data ?? [];
  const rows = filterAndSortPeople(all, view, i18n.language);
  const onSort = (key: PeopleSortKey) =>
    setView((v) => ({ ...v, sortBy: key, direction: v.sortBy === key && v.direction === 'asc' ? 'desc' : 'asc' }));
  const count = view.filter.trim()
    ? t('people.countFiltered', { shown: rows.length, total: all.length })
    : t('people.count', { count: all.length });
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <TextField
          value={view.filter}
          onChange={(e) => setView((v) => ({ ...v, filter: e.target.value }))}
          placeholder={t('people.filterPlaceholder')}
          sx={{ width: 360, maxWidth: '100%' }}
          slotProps={{
            htmlInput: { 'aria-label': t('people.filterLabel'), 'data-testid': 'people-filter', spellCheck: false },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <FilterListOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Typography variant="body2" color="text.secondary" data-testid="people-count" role="status">
          {people.isPending ? '' : count}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <FreshnessNote />
      </Stack>
      {!people.isPending && all.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {t('people.empty')}
        </Typography>
      ) : !people.isPending && rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {t('people.noMatch', { text: view.filter.trim() })}
        </Typography>
      ) : (
        <PeopleTable rows={rows} siteCountry={site.country} view={view} onSort={onSort} highlightId={highlightId} />
      )}
    </Box>
  );
}
