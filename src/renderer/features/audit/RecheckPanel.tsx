import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ApprovalRecheck } from '../../../shared/audit/approvalDetail.js';

/** The record checked again with the site's rules as they were when it happened (not today's). */
export function RecheckPanel({ recheck }: { recheck: ApprovalRecheck }) {
  const { t, i18n } = useTranslation();
  const k = 'audit.approvals.recheck';
  const text =
    recheck.policyVersion === null || recheck.rulesOutcome === null
      ? t(`${k}.noPolicy`)
      : recheck.matches
        ? t(`${k}.matches`, {
            date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(
              Date.parse(recheck.policyVersion.validFrom),
            ),
            outcome: t(`approvals.outcome.${recheck.rulesOutcome}`),
          })
        : t(`${k}.differs`, {
            rules: t(`approvals.outcome.${recheck.rulesOutcome}`),
            recorded: t(`approvals.outcome.${recheck.recordedOutcome}`),
          });
  return (
    <Box data-testid="timeline-recheck" data-matches={String(recheck.matches)}>
      <Typography variant="subtitle2">{t(`${k}.title`)}</Typography>
      <Typography variant="body2" color={recheck.matches ? 'text.primary' : 'warning.main'}>
        {text}
      </Typography>
    </Box>
  );
}
