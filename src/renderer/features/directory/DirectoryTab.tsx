import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import AddOutlined from '@mui/icons-material/AddOutlined';
import type { Site } from '../../../shared/domain/index.js';
import { useErrorText } from '../../app/useErrorText.js';
import { useServices } from '../../app/useServices.js';
import { DeleteRecordAction } from './DeleteRecordAction.js';
import { PolicyPanel } from './PolicyPanel.js';
import { ProfilesPanel } from './ProfilesPanel.js';
import { directoryAdminQueries } from './queries.js';
import { blankSite, SiteForm } from './SiteForm.js';
import { SiteImportPanel } from './SiteImportPanel.js';

const SECTIONS = ['details', 'people', 'approvals', 'import'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * Admin tab "Sites": pick a site (or start a new one), then edit its details, its people, its
 * approval policy and unlicensed software, or import its people from a spreadsheet. Supervisors see
 * the same screens read-only. Lists come from the server, not the offline cache.
 */
/**
 * The site picker lists at most this many matches: a workspace has thousands of sites, and the
 * picker rendered every one as an option when it opened (typing narrows to any of them).
 */
export const SITE_PICKER_LIMIT = 100;
const filterSiteOptions = createFilterOptions<Site>({ limit: SITE_PICKER_LIMIT });

export function DirectoryTab({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const { api } = useServices();
  const errorText = useErrorText();
  const sites = useQuery(directoryAdminQueries.list(api, 'sites'));
  const [selected, setSelected] = useState<{ site: Site; create: boolean } | null>(null);
  const [section, setSection] = useState<Section>('details');
  const all = sites.data ?? [];
  const current = selected && !selected.create ? (all.find((s) => s.id === selected.site.id) ?? selected.site) : null;
  // How many people a site deletion takes with it (said in its confirmation).
  const people = useQuery({
    ...directoryAdminQueries.list(api, 'profiles', current?.id ?? ''),
    enabled: canWrite && current !== null,
  });
  return (
    <Stack spacing={2} data-testid="directory-tab">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Autocomplete
          options={all}
          filterOptions={filterSiteOptions}
          loading={sites.isPending}
          value={current}
          onChange={(_e, site) => {
            setSelected(site ? { site, create: false } : null);
            setSection('details');
          }}
          getOptionLabel={(s) => `${s.name} — ${s.companyName}`}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          sx={{ width: 420 }}
          renderInput={(params) => (
            <TextField
              {...params}
              size="small"
              label={t('directory.pickSite')}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'directory-site-picker' },
              }}
            />
          )}
        />
        {canWrite && (
          <Button
            variant="outlined"
            startIcon={<AddOutlined />}
            onClick={() => {
              setSelected({ site: blankSite(), create: true });
              setSection('details');
            }}
            data-testid="site-add"
          >
            {t('directory.site.add')}
          </Button>
        )}
        {canWrite && current && (
          <DeleteRecordAction
            collection="sites"
            id={current.id}
            name={current.name}
            detail={t('directory.delete.body.siteWithPeople', { count: people.data?.length ?? 0 })}
            onDeleted={() => setSelected(null)}
          />
        )}
      </Stack>
      {sites.isError && <Alert severity="error">{errorText(sites.error)}</Alert>}
      {!selected && <Alert severity="info">{t('directory.pickSiteHelp')}</Alert>}
      {selected?.create && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <SiteForm
            key={selected.site.id}
            initial={selected.site}
            create
            readOnly={!canWrite}
            onSaved={(site) => setSelected({ site, create: false })}
          />
        </Paper>
      )}
      {current && (
        <>
          <Tabs
            value={section}
            onChange={(_e, v: Section) => setSection(v)}
            aria-label={t('directory.sectionsLabel')}
            sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
          >
            {SECTIONS.filter((s) => s !== 'import' || canWrite).map((s) => (
              <Tab
                key={s}
                value={s}
                label={t(`directory.tabs.${s}`)}
                data-testid={`directory-section-${s}`}
                sx={{ minHeight: 40 }}
              />
            ))}
          </Tabs>
          <Paper variant="outlined" sx={{ p: 2 }}>
            {section === 'details' && (
              <SiteForm key={current.id} initial={current} create={false} readOnly={!canWrite} />
            )}
            {section === 'people' && <ProfilesPanel key={current.id} site={current} readOnly={!canWrite} />}
            {section === 'approvals' && <PolicyPanel key={current.id} site={current} readOnly={!canWrite} />}
            {section === 'import' && canWrite && <SiteImportPanel key={current.id} site={current} />}
          </Paper>
        </>
      )}
    </Stack>
  );
}
