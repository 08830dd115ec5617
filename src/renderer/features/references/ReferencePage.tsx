import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useServices } from '../../app/useServices.js';
import { useDirectoryVersion } from '../lookup/useDirectoryVersion.js';
import { FreshnessNote } from '../site/FreshnessNote.js';
import { ReferenceBodyView } from './ReferenceBodyView.js';
import { ReferenceTags } from './ReferenceTags.js';
import { useReference } from './useReference.js';

/** `#/references/:referenceId`: one reference (opened from the type-ahead), with the sites it applies to. */
export function ReferencePage() {
  const { t } = useTranslation();
  const { referenceId = '' } = useParams();
  const { directory } = useServices();
  useDirectoryVersion();
  const query = useReference(referenceId);
  const r = query.data;
  if (query.isPending) return null;
  if (!r) {
    return (
      <Box sx={{ maxWidth: 560, mx: 'auto', py: 8, textAlign: 'center' }} data-testid="reference-not-found">
        <Typography variant="h2">{t('references.notFoundTitle')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('references.notFoundBody')}
        </Typography>
      </Box>
    );
  }
  const sites = r.siteIds.flatMap((id) => {
    const s = directory.site(id);
    return s ? [s] : [];
  });
  return (
    <Box sx={{ maxWidth: 960, mx: 'auto' }}>
      <Paper sx={{ p: 3 }} data-testid="reference-page">
        <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
          <Typography variant="h1" sx={{ mb: 1 }}>
            {r.subject}
          </Typography>
          <FreshnessNote />
        </Stack>
        <ReferenceTags reference={r} />
        <Box sx={{ mt: 2.5 }}>
          <ReferenceBodyView body={r.body} />
        </Box>
        {sites.length > 0 && (
          <Box sx={{ mt: 3 }}>
            <Typography variant="overline" color="text.secondary" component="h2">
              {t('references.sitesTitle')}
            </Typography>
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
              {sites.map((s) => (
                <Link
                  key={s.id}
                  component={RouterLink}
                  to={`/sites/${encodeURIComponent(s.id)}?tab=references&ref=${encodeURIComponent(r.id)}`}
                  variant="body2"
                >
                  {s.name}
                </Link>
              ))}
            </Stack>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
