import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

interface Props {
  testIdPrefix: 'caller-code' | 'approver-code';
  label: string;
  busy: boolean;
  /** The code last checked, when it was wrong: it stays in the field so the technician can compare. */
  wrongCode: string | undefined;
  attemptsLeft: number;
  onCheck: (code: string) => void;
}

/**
 * Six-digit code read back by the person; Enter checks it. A wrong code stays in the field, marked,
 * with the tries left (the server's count: the same number the audit records).
 */
export function CodeForm({ testIdPrefix, label, busy, wrongCode, attemptsLeft, onCheck }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const showWrong = wrongCode !== undefined && code === wrongCode;
  const valid = /^\d{6}$/.test(code);
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start' }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || busy) return;
        onCheck(code);
      }}
    >
      <TextField
        autoFocus
        label={label}
        value={code}
        error={showWrong}
        helperText={
          showWrong
            ? t('approvals.code.wrong', { count: attemptsLeft })
            : t('approvals.code.attemptsLeft', { count: attemptsLeft })
        }
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        slotProps={{
          htmlInput: {
            'data-testid': `${testIdPrefix}-input`,
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            maxLength: 6,
            style: { letterSpacing: '0.3em', fontSize: '1.25rem' },
          },
          formHelperText: {
            'data-testid': `${testIdPrefix}-attempts`,
            role: showWrong ? 'alert' : undefined,
          } as object,
        }}
        sx={{ width: 320 }}
      />
      <Button
        type="submit"
        variant="contained"
        disabled={!valid}
        loading={busy}
        data-testid={`${testIdPrefix}-check`}
        sx={{ mt: 0.5 }}
      >
        {t('approvals.code.check')}
      </Button>
    </Stack>
  );
}
