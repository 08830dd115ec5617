import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { Reference } from '../../../shared/domain/index.js';
import { QueryRows } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { AdminTable } from '../admin/AdminTable.js';
import { matchesFilter } from '../admin/matchesFilter.js';
import { ReferenceKindChip } from '../references/ReferenceKindChip.js';
import { directoryAdminQueries } from './queries.js';
import { blankReference, ReferenceForm } from './ReferenceForm.js';
import { DeleteRecordAction } from './DeleteRecordAction.js';

/** Admin tab "References": every reference from the server; pick one (or start one) to edit it. */
export function ReferencesTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const refs = useQuery(directoryAdminQueries.list(api, 'references'));
  const sites = useQuery(directoryAdminQueries.list(api, 'sites'));
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<{ ref: Reference; create: boolean } | null>(null);
  const rows = (refs.data ?? []).filter((r) => matchesFilter(filter, r.subject, ...r.tags));
  return (
    <Stack spacing={2} data-testid="references-tab">
      {canWrite && (
        <Stack direction="row">
          <Button
            variant="outlined"
            startIcon={<AddOutlined />}
            onClick={() => setEditing({ ref: blankReference(), create: true })}
            data-testid="reference-add"
          >
            {t('directory.reference.add')}
          </Button>
        </Stack>
      )}
      {editing && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <ReferenceForm
            key={editing.ref.id}
            initial={editing.ref}
            create={editing.create}
            readOnly={!canWrite}
            sites={sites.data ?? []}
            onSaved={(ref) => setEditing({ ref, create: false })}
          />
          {canWrite && !editing.create && (
            <Stack direction="row" sx={{ mt: 1, justifyContent: 'flex-end' }}>
              <DeleteRecordAction
                collection="references"
                id={editing.ref.id}
                name={editing.ref.subject}
                onDeleted={() => setEditing(null)}
              />
            </Stack>
          )}
        </Paper>
      )}
      <AdminTable
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('directory.reference.filter')}
        filterTestId="references-filter"
        count={refs.data ? t('directory.reference.count', { count: rows.length }) : undefined}
        ariaLabel={t('directory.tabs.references')}
        testId="references-table"
        columns={[
          { key: 'subject', label: t('directory.reference.subject') },
          { key: 'kind', label: t('directory.reference.kind') },
          { key: 'sites', label: t('directory.reference.sites') },
        ]}
      >
        <QueryRows
          query={refs}
          isEmpty={rows.length === 0}
          colSpan={3}
          loading={t('directory.loading')}
          empty={filter ? t('admin.noMatch', { text: filter }) : t('directory.reference.empty')}
          errorTestId="references-error"
        >
          {rows.map((r) => (
            <TableRow
              key={r.id}
              hover
              selected={editing?.ref.id === r.id}
              onClick={() => setEditing({ ref: r, create: false })}
              sx={{ cursor: 'pointer' }}
              data-testid="reference-row"
              data-subject={r.subject}
            >
              <TableCell sx={{ fontWeight: 600 }}>{r.subject}</TableCell>
              <TableCell>
                <ReferenceKindChip kind={r.kind} />
              </TableCell>
              <TableCell>
                {r.allSites
                  ? t('directory.reference.allSites')
                  : t('directory.reference.siteCount', { count: r.siteIds.length })}
              </TableCell>
            </TableRow>
          ))}
        </QueryRows>
      </AdminTable>
    </Stack>
  );
}
