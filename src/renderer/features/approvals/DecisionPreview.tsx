import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { siteMessageCheck } from '../../../shared/approvals/index.js';
import type { Decision } from '../../../shared/approvals/schemas.js';
import { CallPlan } from './CallPlan.js';
import { OUTCOME_COLOR } from './outcomeColor.js';
import { SiteMessageConfirm } from './SiteMessageConfirm.js';

interface Props {
  decision: Decision;
  /** The decision's reasons as sentences (`reasonSentences`), in order. */
  why: string[];
  callerName: string;
  actionId: string;
  /** The site's message: while there is one, Start waits for the technician to confirm they read it. */
  siteMessage: string | undefined;
  onStart: () => void;
  onBack: () => void;
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="overline" color="text.secondary" component="h3" sx={{ lineHeight: 2 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** Step 3: "What will happen" — outcome, reasons, call plan, templates and notices, before any dial. */
export function DecisionPreview({ decision, why, callerName, actionId, siteMessage, onStart, onBack }: Props) {
  const { t } = useTranslation();
  const check = siteMessageCheck(siteMessage, actionId);
  const [read, setRead] = useState(false);
  const blocked = check.required && !read;
  const { templates } = decision;
  const hasTemplates = !!(
    templates.username ||
    templates.email ||
    templates.securityGroups?.length ||
    templates.distributionGroups?.length
  );
  return (
    <Stack spacing={2}>
      <Typography variant="h3" component="h2">
        {t('approvals.preview.title')}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
        <Chip
          color={OUTCOME_COLOR[decision.outcome]}
          label={t(`approvals.outcome.${decision.outcome}`)}
          data-testid="preview-outcome"
          sx={{ fontWeight: 600, fontSize: '0.9375rem', height: 30 }}
        />
        <Typography variant="body2" color="text.secondary">
          {t(`approvals.outcomeHelp.${decision.outcome}`)}
        </Typography>
      </Stack>
      <Section title={t('approvals.preview.reasons')} testId="preview-reasons">
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {why.map((r, i) => (
            <Typography component="li" variant="body2" key={i}>
              {r}
            </Typography>
          ))}
        </Box>
      </Section>
      {decision.steps.length > 0 && (
        <Section title={t('approvals.preview.plan')}>
          <CallPlan decision={decision} callerName={callerName} />
        </Section>
      )}
      {hasTemplates && (
        <Section title={t('approvals.preview.templates')} testId="preview-templates">
          <Stack spacing={0.5}>
            {templates.username && (
              <Typography variant="body2">{t('approvals.preview.username', { value: templates.username })}</Typography>
            )}
            {templates.email && (
              <Typography variant="body2">{t('approvals.preview.email', { value: templates.email })}</Typography>
            )}
            {!!templates.securityGroups?.length && (
              <Typography variant="body2">
                {t('approvals.preview.securityGroups', { value: templates.securityGroups.join(', ') })}
              </Typography>
            )}
            {!!templates.distributionGroups?.length && (
              <Typography variant="body2">
                {t('approvals.preview.distributionGroups', { value: templates.distributionGroups.join(', ') })}
              </Typography>
            )}
          </Stack>
        </Section>
      )}
      {decision.notices.map((n, i) => (
        <Alert key={i} severity="warning" data-testid="preview-notice">
          {n.text}
        </Alert>
      ))}
      {check.required && siteMessage && (
        <SiteMessageConfirm message={siteMessage} mention={check} checked={read} onChange={setRead} />
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button onClick={onBack}>{t('approvals.back')}</Button>
        <Button
          variant="contained"
          size="medium"
          autoFocus={!check.required}
          disabled={blocked}
          onClick={onStart}
          data-testid="start-call"
          aria-describedby={blocked ? 'start-call-blocked' : undefined}
        >
          {t(`approvals.preview.start.${decision.outcome}`)}
        </Button>
        {blocked && (
          <Typography variant="body2" color="text.secondary" id="start-call-blocked">
            {t('approvals.siteMessage.ackNeeded')}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
