import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { SitePolicyRecord } from '../../../shared/api/approvals.js';
import {
  AuthMode,
  POLICY_CATEGORIES,
  type Approver,
  type CategoryPolicy,
  type PolicyCategory,
} from '../../../shared/approvals/index.js';
import { fullName, type ClientProfile, type Site } from '../../../shared/domain/index.js';
import { ApproversEditor } from './ApproversEditor.js';
import { blankContact, editContact, rulesUsing } from './contactEdits.js';
import { ContactsEditor } from './ContactsEditor.js';
import { FormField, optional, useFieldError } from './FormField.js';
import { NotificationContactsEditor } from './NotificationContactsEditor.js';
import { PolicyPreview } from './PolicyPreview.js';
import { SaveBar } from './SaveBar.js';
import { SoftwareEditor } from './SoftwareEditor.js';
import { StringList } from './StringList.js';
import { useRecordForm } from './useRecordForm.js';

const EMPTY: CategoryPolicy = {
  noApprovalNeeded: false,
  approvers: [],
  authenticateCaller: 'none',
  authenticateApprover: 'none',
};

/** The site's people who have a phone, as approver candidates (a client approver must be callable). */
function peopleAsApprovers(people: readonly ClientProfile[]): Approver[] {
  return people
    .filter((p) => p.phones.length > 0)
    .map((p) => ({ kind: 'client', name: fullName(p), profileId: p.id, phones: p.phones }));
}

/**
 * The site's security-related request rules (seeds/002), one category at a time, with the
 * unlicensed software list; beside it, what the help desk would do for a sample request under the
 * values on screen. The whole policy record is saved in one request.
 */
export function PolicyForm({
  site,
  people,
  initial,
  create,
  readOnly,
}: {
  site: Site;
  people: readonly ClientProfile[];
  initial: SitePolicyRecord;
  create: boolean;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const [isNew, setIsNew] = useState(create);
  const form = useRecordForm('policies', initial, isNew, () => setIsNew(false));
  const { draft, patch } = form;
  const err = useFieldError('policy', form.errors, form.tried);
  const [category, setCategory] = useState<PolicyCategory>('password_reset');
  const policy: CategoryPolicy = draft.policies[category] ?? EMPTY;
  const setPolicy = (p: Partial<CategoryPolicy>) =>
    patch({ policies: { ...draft.policies, [category]: { ...policy, ...p } } });
  const candidates = [...peopleAsApprovers(people), ...draft.groupContacts, ...draft.partnerContacts];
  const at = (field: string) => err(`policies.${category}.${field}`);
  const authOptions = AuthMode.options.map((o) => [o, t(`directory.policy.auth.${o}`)] as const);
  return (
    <Grid container spacing={3} data-testid="policy-form">
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          <FormField
            label={t('directory.policy.category')}
            value={category}
            onChange={(v) => setCategory(v as PolicyCategory)}
            error={undefined}
            testId="policy-category"
            options={POLICY_CATEGORIES.map((c) => [c, t(`approvals.category.${c}`)] as const)}
          />
          <FormControlLabel
            control={
              <Checkbox
                checked={policy.noApprovalNeeded}
                disabled={readOnly}
                onChange={(e) => setPolicy({ noApprovalNeeded: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'policy-noApprovalNeeded' } as object }}
              />
            }
            label={t('directory.policy.noApprovalNeeded')}
          />
          <ApproversEditor
            value={policy.approvers}
            candidates={candidates}
            onChange={(approvers) => setPolicy({ approvers })}
            readOnly={readOnly || policy.noApprovalNeeded}
            error={at('approvers')}
            testId="policy-approvers"
          />
          <Stack direction="row" spacing={2}>
            <FormField
              label={t('directory.policy.authenticateCaller')}
              value={policy.authenticateCaller}
              onChange={(v) => setPolicy({ authenticateCaller: AuthMode.parse(v) })}
              error={undefined}
              testId="policy-authenticateCaller"
              readOnly={readOnly}
              options={authOptions}
            />
            <FormField
              label={t('directory.policy.authenticateApprover')}
              value={policy.authenticateApprover}
              onChange={(v) => setPolicy({ authenticateApprover: AuthMode.parse(v) })}
              error={undefined}
              testId="policy-authenticateApprover"
              readOnly={readOnly}
              options={authOptions}
            />
          </Stack>
          {category === 'new_user_account' && (
            <>
              <FormField
                label={t('directory.policy.usernameFormat')}
                value={policy.usernameFormat}
                onChange={(v) => setPolicy({ usernameFormat: optional(v) })}
                error={at('usernameFormat')}
                testId="policy-usernameFormat"
                readOnly={readOnly}
                helperText={t('directory.policy.templateHelp')}
              />
              <StringList
                title={t('directory.policy.securityGroups')}
                items={policy.defaultSecurityGroups ?? []}
                onChange={(g) => setPolicy({ defaultSecurityGroups: g })}
                addLabel={t('directory.policy.addGroup')}
                itemLabel={(i) => t('directory.policy.groupN', { n: i + 1 })}
                testId="policy-securityGroups"
                readOnly={readOnly}
              />
            </>
          )}
          {category === 'new_mail_account' && (
            <>
              <FormField
                label={t('directory.policy.emailFormat')}
                value={policy.emailFormat}
                onChange={(v) => setPolicy({ emailFormat: optional(v) })}
                error={at('emailFormat')}
                testId="policy-emailFormat"
                readOnly={readOnly}
                helperText={t('directory.policy.templateHelp')}
              />
              <StringList
                title={t('directory.policy.distributionGroups')}
                items={policy.defaultDistributionGroups ?? []}
                onChange={(g) => setPolicy({ defaultDistributionGroups: g })}
                addLabel={t('directory.policy.addGroup')}
                itemLabel={(i) => t('directory.policy.groupN', { n: i + 1 })}
                testId="policy-distributionGroups"
                readOnly={readOnly}
              />
            </>
          )}
          <SoftwareEditor
            items={draft.unlicensedSoftware}
            onChange={(unlicensedSoftware) => patch({ unlicensedSoftware })}
            readOnly={readOnly}
            errorAt={(i) => err(`unlicensedSoftware.${i}.name`)}
          />
          {(['groupContacts', 'partnerContacts'] as const).map((list) => (
            <ContactsEditor
              key={list}
              list={list}
              contacts={draft[list]}
              siteCountry={site.country}
              readOnly={readOnly}
              onEdit={(i, next) => patch(editContact(draft, list, i, next))}
              onAdd={() => patch({ [list]: [...draft[list], blankContact(list)] })}
              usedBy={(i) => rulesUsing(draft, list, i).length}
              errorAt={err}
            />
          ))}
          <NotificationContactsEditor
            items={draft.notificationContacts}
            onChange={(notificationContacts) => patch({ notificationContacts })}
            readOnly={readOnly}
            errorAt={err}
          />
          {!readOnly && <SaveBar form={form} testId="policy-save" />}
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
          {t('directory.preview.title')}
        </Typography>
        <PolicyPreview site={site} people={people} policies={draft.policies} category={category} />
      </Grid>
    </Grid>
  );
}
