import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { plannedDials, type WorkflowState } from '../../../shared/approvals/index.js';
import { formatPhone } from '../lookup/formatPhone.js';

/** Every planned dial of the call plan with what happened so far (done, now, next). */
export function DialSteps({ state }: { state: WorkflowState }) {
  const { t } = useTranslation();
  const dials = plannedDials(state.decision);
  if (dials.length === 0) return null;
  const results = state.history.flatMap((e) => (e.type === 'dialed' ? [e.result] : []));
  return (
    <Stack
      spacing={0.5}
      component="ol"
      sx={{ m: 0, p: 0, listStyle: 'none' }}
      aria-label={t('approvals.dial.planLabel')}
    >
      {dials.map((d, i) => {
        const result = results[i];
        const current = !result && i === state.dialsMade && state.status === 'calling';
        return (
          <Stack
            component="li"
            key={i}
            direction="row"
            spacing={1}
            data-testid="dial-step"
            data-state={result ?? (current ? 'current' : 'planned')}
            sx={{
              alignItems: 'center',
              px: 1,
              py: 0.5,
              borderRadius: 1,
              bgcolor: current ? 'action.selected' : undefined,
            }}
          >
            <Typography variant="body2" sx={{ fontWeight: current ? 600 : 400, minWidth: 0, flex: 1 }}>
              {t('approvals.plan.dial', {
                n: i + 1,
                approver: d.approver,
                kind: t(`approvals.approverKind.${d.approverKind}`),
                number: formatPhone(d.number),
              })}
            </Typography>
            {d.authenticate && <Chip variant="outlined" label={t('approvals.dial.smsCode')} />}
            <Chip
              variant={result ? 'filled' : 'outlined'}
              color={result === 'answered' ? 'success' : result ? 'default' : current ? 'primary' : 'default'}
              label={
                result
                  ? t(`approvals.dialResult.${result}`)
                  : current
                    ? t('approvals.dial.now')
                    : t('approvals.dial.planned')
              }
            />
          </Stack>
        );
      })}
    </Stack>
  );
}
