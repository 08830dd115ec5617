import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { NumberInText } from '../../../shared/identify/index.js';
import { formatPhone } from './formatPhone.js';
import { LookupResults } from './LookupResults.js';

/** Every number found in pasted or popped text, each with its own candidates (or "no match"). */
export function LookupTextResults({
  numbers,
  technicianFirstName,
}: {
  numbers: NumberInText[];
  technicianFirstName: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={3} data-testid="text-numbers">
      <Typography variant="body2" color="text.secondary">
        {t('lookup.textNumbers', { count: numbers.length })}
      </Typography>
      {numbers.map((n) => (
        <Stack key={`${n.startsAt}:${n.endsAt}`} spacing={1} component="section" data-testid="text-number">
          <Typography variant="h3" component="h2" sx={{ fontSize: '1.0625rem' }}>
            {t('lookup.textNumber', {
              input: n.input,
              number: formatPhone(n.e164) + (n.extension ? ` ext. ${n.extension}` : ''),
            })}
          </Typography>
          {n.candidates.length > 0 ? (
            <LookupResults
              result={{ query: { kind: 'phone', e164: n.e164 }, candidates: n.candidates, ambiguous: n.ambiguous }}
              technicianFirstName={technicianFirstName}
            />
          ) : (
            <Alert severity="info" variant="outlined">
              {t('lookup.textNumberNoMatch')}
            </Alert>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
