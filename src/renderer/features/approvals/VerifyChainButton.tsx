import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useVerifyChain } from './mutations.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Recomputes every hash of this device's approval chain and says whether it holds. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const verify = useVerifyChain();
  const r = verify.data;
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Button variant="outlined" onClick={() => verify.mutate()} loading={verify.isPending} data-testid="verify-chain">
        {t('approvals.history.verify')}
      </Button>
      {r && (
        <Alert
          severity={r.brokenAt === null ? 'success' : 'error'}
          data-testid="verify-chain-result"
          data-ok={r.brokenAt === null ? 'true' : 'false'}
        >
          {r.brokenAt === null
            ? t('approvals.history.chainOk', { count: r.count })
            : t('approvals.history.chainBroken', { index: r.brokenAt, count: r.count })}
        </Alert>
      )}
      {verify.error && <Alert severity="error">{errorText(verify.error)}</Alert>}
    </Stack>
  );
}
