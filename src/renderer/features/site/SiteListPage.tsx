import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterListOutlined from '@mui/icons-material/FilterListOutlined';
import { useServices } from '../../app/useServices.js';
import { useFavourites } from '../favourites/useFavourites.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { createSiteFilter, type SiteFilter } from './filterSites.js';
import { FreshnessNote } from './FreshnessNote.js';
import { SITE_GRID, SITE_ROW_HEIGHT, SiteListRow } from './SiteListRow.js';

/** `#/sites`: every cached site, favourites first, filterable; virtualised for large directories. */
export function SiteListPage() {
  const { t, i18n } = useTranslation();
  const { directory } = useServices();
  const version = useDirectoryVersion();
  const favourites = useFavourites();
  const [filter, setFilter] = useState('');
  const favIds = useMemo(() => new Set((favourites.data ?? []).map((f) => f.id)), [favourites.data]);
  const all = useMemo(() => directory.allSites(), [directory, version]);
  // Prepared when the sites or the language change (filterSites.ts); each keystroke is then a cheap pass.
  const previousFilter = useRef<SiteFilter>(undefined);
  const siteFilter = useMemo(
    () => (previousFilter.current = createSiteFilter(all, i18n.language, previousFilter.current)),
    [all, i18n.language],
  );
  const rows = useMemo(() => siteFilter(filter, favIds), [siteFilter, filter, favIds]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => SITE_ROW_HEIGHT,
    overscan: 12,
  });
  const count = filter.trim()
    ? t('sites.countFiltered', { shown: rows.length, total: all.length })
    : t('sites.count', { count: all.length });
  return (
    <Box sx={{ maxWidth: 1200, mx: 'auto' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h1">{t('sites.title')}</Typography>
        <TextField
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t('sites.filterPlaceholder')}
          sx={{ width: 380, maxWidth: '100%' }}
          slotProps={{
            htmlInput: { 'aria-label': t('sites.filterLabel'), 'data-testid': 'site-list-filter', spellCheck: false },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <FilterListOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Typography variant="body2" color="text.secondary" role="status" data-testid="site-list-count">
          {count}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <FreshnessNote />
      </Stack>
      {all.length === 0 || rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 6, textAlign: 'center' }}>
          {all.length === 0 ? t('sites.empty') : t('sites.noMatch', { text: filter.trim() })}
        </Typography>
      ) : (
        <Paper sx={{ overflow: 'hidden' }}>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: SITE_GRID,
              columnGap: 2,
              px: 2,
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
              bgcolor: 'background.paper',
            }}
            role="presentation"
          >
            {(['site', 'country', 'mainNumber', 'domain'] as const).map((c) => (
              <Typography key={c} variant="body2" sx={{ fontWeight: 600 }}>
                {t(`sites.columns.${c}`)}
              </Typography>
            ))}
          </Box>
          <Box ref={scrollRef} sx={{ height: 'max(320px, calc(100vh - 230px))', overflow: 'auto' }}>
            <Box
              component="nav"
              aria-label={t('sites.title')}
              sx={{ position: 'relative', height: virtualizer.getTotalSize() }}
            >
              {virtualizer.getVirtualItems().map((v) => {
                const site = rows[v.index]!;
                return <SiteListRow key={site.id} site={site} favourite={favIds.has(site.id)} top={v.start} />;
              })}
            </Box>
          </Box>
        </Paper>
      )}
    </Box>
  );
}
