import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FilterListOutlined from '@mui/icons-material/FilterListOutlined';
import type { ReferenceKind } from '../../../shared/domain/index.js';
import { FreshnessNote } from '../site/FreshnessNote.js';
import { filterReferences } from './filterReferences.js';
import { ReferenceItem } from './ReferenceItem.js';
import { ReferenceKindFilter } from './ReferenceKindFilter.js';
import { useSiteReferences } from './useSiteReferences.js';

/** The site's references and those for all sites, filtered by kind and text. */
export function SiteReferences({ siteId, focusId }: { siteId: string; focusId?: string | undefined }) {
  const { t } = useTranslation();
  const refs = useSiteReferences(siteId);
  const [kinds, setKinds] = useState<ReferenceKind[]>([]);
  const [text, setText] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(focusId ? [focusId] : []));
  const all = refs.data ?? [];
  const rows = filterReferences(all, { kinds, text });
  const filtered = kinds.length > 0 || text.trim() !== '';
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <Box>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
        <TextField
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('references.filterPlaceholder')}
          sx={{ width: 320, maxWidth: '100%' }}
          slotProps={{
            htmlInput: {
              'aria-label': t('references.filterLabel'),
              'data-testid': 'reference-filter',
              spellCheck: false,
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <FilterListOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <ReferenceKindFilter selected={kinds} onChange={setKinds} />
        <Typography variant="body2" color="text.secondary" role="status" data-testid="reference-count">
          {refs.isPending
            ? ''
            : filtered
              ? t('references.countFiltered', { shown: rows.length, total: all.length })
              : t('references.count', { count: all.length })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <FreshnessNote />
      </Stack>
      {!refs.isPending && all.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {t('references.empty')}
        </Typography>
      )}
      {all.length > 0 && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 4, textAlign: 'center' }}>
          {t('references.noMatch')}
        </Typography>
      )}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {rows.map((r) => (
          <ReferenceItem
            key={r.id}
            reference={r}
            expanded={open.has(r.id)}
            onToggle={() => toggle(r.id)}
            focus={r.id === focusId}
          />
        ))}
      </Box>
    </Box>
  );
}
