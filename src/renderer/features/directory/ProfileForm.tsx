import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { fullName, type ClientProfile } from '../../../shared/domain/index.js';
import { findDuplicates, type Duplicate } from './findDuplicates.js';
import { FormField, optional, useFieldError } from './FormField.js';
import type { FieldErrors } from './formErrors.js';
import { PhonesEditor } from './PhonesEditor.js';
import { SaveBar } from './SaveBar.js';
import { newId, useRecordForm } from './useRecordForm.js';

export const blankProfile = (siteId: string): ClientProfile => ({
  id: newId('p'),
  siteId,
  firstName: '',
  lastName: '',
  phones: [{ number: '', type: 'office' }],
  thinClient: false,
  psaContact: false,
});

/** seeds/002: "Each profile requires first name, last name, and at least one phone number." */
const profileRules = (p: ClientProfile): FieldErrors => (p.phones.length === 0 ? { phones: true } : {});

/**
 * One client profile. Before saving, the site's other profiles are checked for the same email or
 * number: a match is shown as a warning with a link to that profile, and saving needs a second,
 * explicit "Save anyway".
 */
export function ProfileForm({
  initial,
  create,
  readOnly,
  others,
  siteCountry,
  onOpen,
  onSaved,
}: {
  initial: ClientProfile;
  create: boolean;
  readOnly: boolean;
  others: readonly ClientProfile[];
  siteCountry: string;
  onOpen: (profileId: string) => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const form = useRecordForm('profiles', initial, create, onSaved, profileRules);
  const { draft: p, patch } = form;
  const err = useFieldError('profile', form.errors, form.tried);
  const [duplicates, setDuplicates] = useState<Duplicate[] | null>(null);
  const save = (anyway: boolean) => {
    const found = findDuplicates(p, others, siteCountry);
    if (found.length > 0 && !anyway) {
      setDuplicates(found);
      return;
    }
    setDuplicates(null);
    form.submit();
  };
  const field = (key: 'firstName' | 'lastName' | 'email' | 'title', required = false) => (
    <FormField
      label={t(`directory.profile.${key}`)}
      value={p[key]}
      onChange={(v) => patch({ [key]: required ? v : optional(v) })}
      error={err(key)}
      testId={`profile-${key}`}
      readOnly={readOnly}
      required={required}
    />
  );
  return (
    <Stack spacing={2} data-testid="profile-form">
      <Typography variant="subtitle1" component="h3">
        {create ? t('directory.profile.newTitle') : t('directory.profile.editTitle', { name: fullName(initial) })}
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>{field('firstName', true)}</Grid>
        <Grid size={{ xs: 12, md: 3 }}>{field('lastName', true)}</Grid>
        <Grid size={{ xs: 12, md: 3 }}>{field('email')}</Grid>
        <Grid size={{ xs: 12, md: 3 }}>{field('title')}</Grid>
      </Grid>
      <PhonesEditor
        phones={p.phones}
        onChange={(phones) => {
          patch({ phones });
          setDuplicates(null);
        }}
        siteCountry={siteCountry}
        readOnly={readOnly}
        errorAt={err}
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={p.thinClient}
            disabled={readOnly}
            onChange={(e) => patch({ thinClient: e.target.checked })}
            slotProps={{ input: { 'data-testid': 'profile-thinClient' } as object }}
          />
        }
        label={t('directory.profile.thinClient')}
      />
      {duplicates && (
        <Alert
          severity="warning"
          data-testid="profile-duplicates"
          action={
            <Button color="inherit" size="small" onClick={() => save(true)} data-testid="profile-save-anyway">
              {t('directory.profile.saveAnyway')}
            </Button>
          }
        >
          {t('directory.profile.duplicates', { count: duplicates.length })}
          <Stack component="ul" sx={{ m: 0, pl: 2 }}>
            {duplicates.map((d) => (
              <li key={d.profile.id}>
                <Link component="button" onClick={() => onOpen(d.profile.id)} data-testid="duplicate-link">
                  {fullName(d.profile)}
                </Link>{' '}
                — {t(`directory.profile.sameBy.${d.by}`, { value: d.value })}
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {!readOnly && <SaveBar form={form} onSave={() => save(false)} testId="profile-save" />}
    </Stack>
  );
}
