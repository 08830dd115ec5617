import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Reason } from '../../../shared/approvals/index.js';
import type { ApprovalRecheck } from '../../../shared/audit/approvalDetail.js';
import { reasonSentence } from '../approvals/reasonSentences.js';

/**
 * The record checked again with the site's rules as they were when it happened (not today's), and
 * why the rules say so — translated from the reasons as data where the server sends them, else the
 * engine's English lines.
 */
export function RecheckPanel({ recheck }: { recheck: ApprovalRecheck }) {
  const { t, i18n } = useTranslation();
  const k = 'audit.approvals.recheck';
  const why = (recheck.reasonCodes ?? recheck.reasons).map((r, i) =>
    typeof r === 'string'
      ? r
      : i18n.exists(`approvals.reason.${r.code}`)
        ? reasonSentence(t, r as Reason)
        : (recheck.reasons[i] ?? r.code),
  );
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
      {why.length > 0 && (
        <Box
          component="ul"
          sx={{ m: 0, mt: 0.5, pl: 2.5 }}
          data-testid="recheck-reasons"
          {...(recheck.reasonCodes ? {} : { lang: 'en' })}
        >
          {why.map((line, i) => (
            <Typography component="li" variant="body2" color="text.secondary" key={i}>
              {line}
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}
