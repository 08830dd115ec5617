import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { DialResult, NextStep } from '../../../shared/approvals/index.js';
import { formatPhone } from '../lookup/formatPhone.js';

type Step = Extract<NextStep, { kind: 'dial' }>;

export const DIAL_BUTTONS: {
  result: DialResult;
  key: string;
  testId: string;
  color: 'success' | 'inherit' | 'warning';
}[] = [
  { result: 'answered', key: '1', testId: 'dial-answered', color: 'success' },
  { result: 'no_answer', key: '2', testId: 'dial-no-answer', color: 'inherit' },
  { result: 'busy', key: '3', testId: 'dial-busy', color: 'inherit' },
  { result: 'wrong_number', key: '4', testId: 'dial-wrong-number', color: 'warning' },
];

/** One planned dial: the number in big type and what happened (keys 1–4). */
export function DialPanel({ step, onResult }: { step: Step; onResult: (r: DialResult) => void }) {
  const { t } = useTranslation();
  const { dial } = step;
  return (
    <Stack spacing={2} data-testid="dial-current">
      <Typography variant="overline" color="text.secondary">
        {t('approvals.dial.attempt', { attempt: step.attempt, of: step.of })}
      </Typography>
      <Box>
        <Typography variant="h2" component="h2">
          {t('approvals.dial.call', {
            approver: dial.approver,
            kind: t(`approvals.approverKind.${dial.approverKind}`),
          })}
        </Typography>
        <Typography
          component="p"
          data-testid="dial-number"
          sx={{
            fontSize: '2.25rem',
            fontWeight: 600,
            letterSpacing: '0.02em',
            fontVariantNumeric: 'tabular-nums',
            my: 0.5,
          }}
        >
          {formatPhone(dial.number)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {dial.authenticate ? t('approvals.dial.codeOnAnswer') : t('approvals.dial.noCode')}
        </Typography>
      </Box>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {DIAL_BUTTONS.map((b, i) => (
          <Button
            key={b.result}
            variant={i === 0 ? 'contained' : 'outlined'}
            color={b.color}
            size="medium"
            autoFocus={i === 0}
            onClick={() => onResult(b.result)}
            data-testid={b.testId}
          >
            {t(`approvals.dialResult.${b.result}`)}
            <Box
              component="kbd"
              sx={{ ml: 1, px: 0.5, border: 1, borderRadius: 0.5, fontSize: '0.75rem', opacity: 0.8 }}
            >
              {b.key}
            </Box>
          </Button>
        ))}
      </Stack>
    </Stack>
  );
}
