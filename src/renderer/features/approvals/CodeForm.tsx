import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

interface Props {
  testIdPrefix: 'caller-code' | 'approver-code';
  label: string;
  busy: boolean;
  onCheck: (code: string) => void;
}

/** Six-digit code read back by the person; Enter checks it. The code is not kept after the check. */
export function CodeForm({ testIdPrefix, label, busy, onCheck }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
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
        setCode('');
      }}
    >
      <TextField
        autoFocus
        label={label}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
        slotProps={{
          htmlInput: {
            'data-testid': `${testIdPrefix}-input`,
            inputMode: 'numeric',
            autoComplete: 'one-time-code',
            maxLength: 6,
            style: { letterSpacing: '0.3em', fontSize: '1.25rem' },
          },
        }}
        sx={{ width: 200 }}
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
