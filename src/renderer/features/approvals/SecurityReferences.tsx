import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Reference } from '../../../shared/domain/index.js';
import { nameCollator } from '../../app/i18n/nameCollator.js';

/** References tagged "Security-Related Requests" for the site (or all sites), beside the wizard. */
export function SecurityReferences({ references }: { references: Reference[] }) {
  const { t, i18n } = useTranslation();
  const collator = nameCollator(i18n.language);
  const sorted = [...references].sort((a, b) => collator.compare(a.subject, b.subject));
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2 }}
      data-testid="security-references"
      component="aside"
      aria-label={t('approvals.references.title')}
    >
      <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
        {t('approvals.references.title')}
      </Typography>
      {references.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('approvals.references.none')}
        </Typography>
      )}
      {sorted.map((r) => (
        <Box key={r.id} data-testid="security-reference" sx={{ mb: 1.5 }}>
          <Typography variant="subtitle2">{r.subject}</Typography>
          {r.body.summary && (
            <Typography variant="body2" color="text.secondary">
              {r.body.summary}
            </Typography>
          )}
          {r.body.steps.length > 0 && (
            <Box component="ol" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
              {r.body.steps.map((s, i) => (
                <Typography component="li" variant="body2" key={i}>
                  {s}
                </Typography>
              ))}
            </Box>
          )}
        </Box>
      ))}
    </Paper>
  );
}
