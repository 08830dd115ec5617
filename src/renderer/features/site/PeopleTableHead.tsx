import { useTranslation } from 'react-i18next';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import type { PeopleSortKey, PeopleView } from './peopleTable.js';

export const PEOPLE_COLUMNS: ReadonlyArray<{
  key: 'name' | 'email' | 'phones' | 'thinClient' | 'psaContact';
  width: string;
  sort?: PeopleSortKey;
}> = [
  { key: 'name', width: '24%', sort: 'name' },
  { key: 'email', width: '24%', sort: 'email' },
  { key: 'phones', width: '30%' },
  { key: 'thinClient', width: '11%', sort: 'thinClient' },
  { key: 'psaContact', width: '11%', sort: 'psaContact' },
];

/** Sticky header with sortable columns (click or Enter on a column name). */
export function PeopleTableHead({ view, onSort }: { view: PeopleView; onSort(key: PeopleSortKey): void }) {
  const { t } = useTranslation();
  return (
    <TableHead>
      <TableRow>
        {PEOPLE_COLUMNS.map((c) => (
          <TableCell
            key={c.key}
            sx={{ width: c.width, bgcolor: 'background.paper', fontWeight: 600, whiteSpace: 'nowrap' }}
            sortDirection={c.sort && view.sortBy === c.sort ? view.direction : false}
          >
            {c.sort ? (
              <TableSortLabel
                active={view.sortBy === c.sort}
                direction={view.sortBy === c.sort ? view.direction : 'asc'}
                onClick={() => onSort(c.sort!)}
                data-testid={`people-sort-${c.key}`}
              >
                {t(`people.columns.${c.key}`)}
              </TableSortLabel>
            ) : (
              t(`people.columns.${c.key}`)
            )}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
