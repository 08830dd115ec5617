import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { CopyButton } from './CopyButton.js';

/**
 * The 10 recovery codes, shown this once. They exist only in the enrolment hook's state; "I have
 * saved them" (or leaving the page) drops them and nothing can show them again.
 */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2} data-testid="recovery-codes-panel">
      <Alert severity="warning">
        <AlertTitle>{t('account.recovery.title')}</AlertTitle>
        {t('account.recovery.help')}
      </Alert>
      <Box
        component="ol"
        aria-label={t('account.recovery.listLabel')}
        data-testid="recovery-codes"
        sx={{
          m: 0,
          p: 2,
          display: 'grid',
          gridTemplateColumns: 'repeat(2, max-content)',
          columnGap: 6,
          rowGap: 0.5,
          listStylePosition: 'inside',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'action.hover',
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: '0.9375rem',
          width: 'fit-content',
          '& li::marker': { color: 'text.secondary' },
        }}
      >
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <CopyButton
          text={codes.join('\n')}
          label={t('account.recovery.copyAll')}
          copiedLabel={t('account.recovery.copied')}
          testId="recovery-copy"
        />
        <Button variant="contained" onClick={onDone} data-testid="recovery-saved">
          {t('account.recovery.saved')}
        </Button>
      </Stack>
    </Stack>
  );
}
