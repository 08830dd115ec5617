import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import type { IdentifyResult } from '../../../shared/identify/types.js';
import { useServices } from '../../app/useServices.js';
import { CandidateCard } from './CandidateCard.js';
import { useMatchText } from './useMatchText.js';

/**
 * Every candidate, best first; an ambiguous number is said in words and never auto-picked, and the
 * banner says how each site matched (a person's mobile at one, another's main number).
 */
export function LookupResults({
  result,
  technicianFirstName,
}: {
  result: IdentifyResult;
  technicianFirstName: string;
}) {
  const { t } = useTranslation();
  const matchText = useMatchText();
  const { directory } = useServices();
  const rows = result.candidates.flatMap((c) => {
    const site = directory.site(c.siteId);
    return site ? [{ c, site, profile: c.profileId ? directory.profile(c.profileId) : undefined }] : [];
  });
  const siteCount = new Set(rows.map((r) => r.site.id)).size;
  return (
    <Stack spacing={2}>
      {result.ambiguous && (
        <Alert severity="warning" data-testid="ambiguous-warning" role="alert">
          {t(result.query.kind === 'phone' ? 'lookup.ambiguous' : 'lookup.ambiguousEmail', { count: siteCount })}
          <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid="ambiguous-how">
            {rows.map(({ c, site, profile }) => (
              <li key={`${c.siteId}:${c.profileId ?? ''}:${c.matched}`}>
                {t('lookup.ambiguousHow', { site: site.name, how: matchText(c, site, profile, true) })}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {rows.map(({ c, site, profile }) => (
        <CandidateCard
          key={`${c.siteId}:${c.profileId ?? ''}:${c.matched}`}
          candidate={c}
          ambiguous={result.ambiguous}
          site={site}
          profile={profile}
          technicianFirstName={technicianFirstName}
        />
      ))}
    </Stack>
  );
}
