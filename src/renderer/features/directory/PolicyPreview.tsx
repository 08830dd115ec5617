import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { CATALOGUE, type PolicyCategory, type SitePolicies } from '../../../shared/approvals/index.js';
import { fullName, type ClientProfile, type Site } from '../../../shared/domain/index.js';
import { CallPlan } from '../approvals/CallPlan.js';
import { OUTCOME_COLOR } from '../approvals/outcomeColor.js';
import { reasonSentences } from '../approvals/reasonSentences.js';
import { FormField } from './FormField.js';
import { previewDecision } from './policyPreview.js';

/**
 * "What will happen" for a sample request of the category being edited, computed with the shared
 * evaluator on the form's current values — the same words and call plan a technician will see.
 */
export function PolicyPreview({
  site,
  people,
  policies,
  category,
}: {
  site: Site;
  people: readonly ClientProfile[];
  policies: SitePolicies;
  category: PolicyCategory;
}) {
  const { t } = useTranslation();
  const actions = CATALOGUE.filter((a) => a.category === category && !a.tier4);
  const [picked, setPicked] = useState<string>('');
  const action = actions.find((a) => a.id === picked) ?? actions[0];
  const [caller, setCaller] = useState<string>(people[0]?.id ?? '');
  const explained = useMemo(
    () =>
      action
        ? previewDecision(site, people, policies, { action: action.id, callerProfileId: caller || undefined })
        : null,
    [site, people, policies, action, caller],
  );
  const callerName = people.find((p) => p.id === caller);
  return (
    <Stack spacing={2} data-testid="policy-preview" aria-live="polite">
      <FormField
        label={t('directory.preview.request')}
        value={action?.id}
        onChange={setPicked}
        error={undefined}
        testId="preview-action"
        options={actions.map((a) => [a.id, a.title] as const)}
      />
      <FormField
        label={t('directory.preview.caller')}
        value={caller}
        onChange={setCaller}
        error={undefined}
        testId="preview-caller"
        options={[['', t('directory.preview.unidentified')], ...people.map((p) => [p.id, fullName(p)] as const)]}
      />
      {!explained ? (
        <Alert severity="info">{t('directory.preview.incomplete')}</Alert>
      ) : (
        <>
          <Chip
            color={OUTCOME_COLOR[explained.decision.outcome]}
            label={t(`approvals.outcome.${explained.decision.outcome}`)}
            data-testid="policy-preview-outcome"
            data-outcome={explained.decision.outcome}
            sx={{ alignSelf: 'flex-start', fontWeight: 600 }}
          />
          <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="policy-preview-reasons">
            {reasonSentences(t, explained.reasons, true).map((r, i) => (
              <Typography component="li" variant="body2" key={i}>
                {r}
              </Typography>
            ))}
          </Box>
          <CallPlan
            decision={explained.decision}
            callerName={callerName ? fullName(callerName) : t('directory.preview.unidentified')}
          />
        </>
      )}
    </Stack>
  );
}
