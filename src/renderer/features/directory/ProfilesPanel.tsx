import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import AddOutlined from '@mui/icons-material/AddOutlined';
import { fullName, type Site } from '../../../shared/domain/index.js';
import { QueryRows, TABLE_ROWS } from '../../app/TableMessageRow.js';
import { useServices } from '../../app/useServices.js';
import { blankProfile, ProfileForm } from './ProfileForm.js';
import { DeleteRecordAction } from './DeleteRecordAction.js';
import { directoryAdminQueries } from './queries.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

/** A site's client profiles from the server, with the form for one (new or picked) above the table. */
export function ProfilesPanel({ site, readOnly }: { site: Site; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const people = useQuery(directoryAdminQueries.list(api, 'profiles', site.id));
  const [editing, setEditing] = useState<{ id: string; create: boolean } | null>(null);
  const [draftSeed] = useState(() => ({ current: blankProfile(site.id) }));
  const collator = nameCollator(i18n.language);
  const rows = [...(people.data ?? [])].sort((a, b) => collator.compare(fullName(a), fullName(b)));
  const open = (id: string) => setEditing({ id, create: false });
  const current = editing && !editing.create ? rows.find((p) => p.id === editing.id) : undefined;
  return (
    <Stack spacing={2} data-testid="profiles-panel">
      {!readOnly && (
        <Stack direction="row">
          <Button
            variant="outlined"
            startIcon={<AddOutlined />}
            onClick={() => {
              draftSeed.current = blankProfile(site.id);
              setEditing({ id: draftSeed.current.id, create: true });
            }}
            data-testid="profile-add"
          >
            {t('directory.profile.add')}
          </Button>
        </Stack>
      )}
      {editing && (editing.create || current) && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <ProfileForm
            key={editing.id}
            initial={editing.create ? draftSeed.current : current!}
            create={editing.create}
            readOnly={readOnly}
            others={rows}
            siteCountry={site.country}
            onOpen={open}
            onSaved={() => setEditing(null)}
          />
          {!readOnly && current && (
            <Stack direction="row" sx={{ mt: 1, justifyContent: 'flex-end' }}>
              <DeleteRecordAction
                collection="profiles"
                id={current.id}
                name={fullName(current)}
                onDeleted={() => setEditing(null)}
              />
            </Stack>
          )}
        </Paper>
      )}
      <TableContainer component={Paper} sx={{ maxHeight: 480 }}>
        <Table
          stickyHeader
          size="small"
          sx={TABLE_ROWS}
          aria-label={t('directory.tabs.people')}
          data-testid="profiles-table"
        >
          <TableHead>
            <TableRow>
              <TableCell>{t('directory.profile.name')}</TableCell>
              <TableCell>{t('directory.profile.email')}</TableCell>
              <TableCell>{t('directory.profile.phones')}</TableCell>
              <TableCell>{t('directory.profile.title')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <QueryRows
              query={people}
              isEmpty={rows.length === 0}
              colSpan={4}
              loading={t('directory.loading')}
              empty={t('directory.profile.empty')}
              errorTestId="profiles-error"
            >
              {rows.map((p) => (
                <TableRow
                  key={p.id}
                  hover
                  selected={editing?.id === p.id}
                  onClick={() => open(p.id)}
                  sx={{ cursor: 'pointer' }}
                  data-testid="profile-row"
                  data-name={fullName(p)}
                >
                  <TableCell sx={{ fontWeight: 600 }}>
                    <Button size="small" onClick={() => open(p.id)} sx={{ p: 0, minWidth: 0, textTransform: 'none' }}>
                      {fullName(p)}
                    </Button>
                  </TableCell>
                  <TableCell>{p.email}</TableCell>
                  <TableCell>{p.phones.map((ph) => ph.number).join(', ')}</TableCell>
                  <TableCell>{p.title}</TableCell>
                </TableRow>
              ))}
            </QueryRows>
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
