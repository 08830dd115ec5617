import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReferenceBody } from '../../../shared/domain/index.js';

function Heading({ children }: { children: string }) {
  return (
    <Typography variant="overline" color="text.secondary" component="h4" sx={{ lineHeight: 1.6, display: 'block' }}>
      {children}
    </Typography>
  );
}

/** A reference body in the order a technician reads it on a call: summary, symptoms, steps, duration, escalation. */
export function ReferenceBodyView({ body }: { body: ReferenceBody }) {
  const { t } = useTranslation();
  const esc = body.escalation;
  return (
    <Stack spacing={1.5} data-testid="reference-body">
      {body.summary && (
        <Box>
          <Heading>{t('references.summary')}</Heading>
          <Typography variant="body2">{body.summary}</Typography>
        </Box>
      )}
      {body.symptoms.length > 0 && (
        <Box>
          <Heading>{t('references.symptoms')}</Heading>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {body.symptoms.map((s, i) => (
              <Typography component="li" variant="body2" key={i}>
                {s}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {body.steps.length > 0 && (
        <Box>
          <Heading>{t('references.steps')}</Heading>
          <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {body.steps.map((s, i) => (
              <Typography component="li" variant="body2" key={i} sx={{ '& + &': { mt: 0.25 } }}>
                {s}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
      {(body.durationMinutes !== undefined || esc) && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={4}>
          {body.durationMinutes !== undefined && (
            <Box>
              <Heading>{t('references.duration')}</Heading>
              <Typography variant="body2" data-testid="reference-duration">
                {t('references.durationMinutes', { count: body.durationMinutes })}
              </Typography>
            </Box>
          )}
          {esc && (
            <Box>
              <Heading>{t('references.escalation')}</Heading>
              <Typography variant="body2" data-testid="reference-escalation" sx={{ fontWeight: 600 }}>
                {t(`references.escalateTo.${esc.to}`)}
                {esc.contact ? ` — ${esc.contact}` : ''}
              </Typography>
              {esc.note && (
                <Typography variant="body2" color="text.secondary">
                  {esc.note}
                </Typography>
              )}
            </Box>
          )}
        </Stack>
      )}
    </Stack>
  );
}
