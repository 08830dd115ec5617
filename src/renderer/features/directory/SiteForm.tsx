import { useTranslation } from 'react-i18next';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Site } from '../../../shared/domain/index.js';
import { FormField, optional, useFieldError } from './FormField.js';
import { SaveBar } from './SaveBar.js';
import { ServersEditor } from './ServersEditor.js';
import { StringList } from './StringList.js';
import { newId, useRecordForm } from './useRecordForm.js';

export const blankSite = (): Site => ({
  id: newId('site'),
  name: '',
  companyName: '',
  country: 'US',
  mainPhones: [],
  noClientEmailDomain: false,
  rmmAgentOptIn: false,
});

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf?.('timeZone') ?? [];

/**
 * A site's help desk information (seeds/002 "Basic Information", seeds/004 "Network Info"): names,
 * main numbers (read in the site's country), client email domain or none, greeting, site message,
 * RMM opt-in, time zone, network. The unlicensed software list is with the approval policy (it
 * lives in the site's policy record).
 */
export function SiteForm({
  initial,
  create,
  readOnly,
  onSaved,
}: {
  initial: Site;
  create: boolean;
  readOnly: boolean;
  onSaved?: (site: Site) => void;
}) {
  const { t } = useTranslation();
  const form = useRecordForm('sites', initial, create, onSaved);
  const { draft: site, patch } = form;
  const err = useFieldError('site', form.errors, form.tried);
  const text = (key: keyof Site, label: string, extra: object = {}) => (
    <FormField
      label={label}
      value={site[key] as string | undefined}
      onChange={(v) => patch({ [key]: key === 'name' || key === 'companyName' ? v : optional(v) } as Partial<Site>)}
      error={err(key)}
      testId={`site-${key}`}
      readOnly={readOnly}
      {...extra}
    />
  );
  return (
    <Stack spacing={2} component="form" noValidate onSubmit={(e) => e.preventDefault()} data-testid="site-form">
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>{text('name', t('directory.site.name'), { required: true })}</Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          {text('companyName', t('directory.site.companyName'), {
            required: true,
            helperText: t('directory.site.companyNameHelp'),
          })}
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          {text('callerGreeting', t('directory.site.callerGreeting'), { helperText: t('directory.site.greetingHelp') })}
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <FormField
            label={t('directory.site.country')}
            value={site.country}
            onChange={(v) => patch({ country: v.trim().toUpperCase() })}
            error={err('country')}
            testId="site-country"
            readOnly={readOnly}
            helperText={t('directory.countryHelp')}
            slotProps={{ htmlInput: { maxLength: 2 } }}
          />
        </Grid>
        <Grid size={{ xs: 6, md: 3 }}>
          <FormField
            label={t('directory.site.timeZone')}
            value={site.timeZone}
            onChange={(v) => patch({ timeZone: optional(v) })}
            error={err('timeZone')}
            testId="site-timeZone"
            readOnly={readOnly}
            options={[['', t('directory.none')], ...TIME_ZONES.map((z) => [z, z] as const)]}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <StringList
            title={t('directory.site.mainPhones')}
            items={site.mainPhones}
            onChange={(mainPhones) => patch({ mainPhones })}
            addLabel={t('directory.site.addPhone')}
            itemLabel={(i) => t('directory.site.phoneN', { n: i + 1, country: site.country })}
            errorAt={(i) => err(`mainPhones.${i}`)}
            testId="site-mainPhones"
            readOnly={readOnly}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Stack spacing={1}>
            {text('emailDomain', t('directory.site.emailDomain'), {
              disabled: readOnly || site.noClientEmailDomain,
              helperText: t('directory.site.emailDomainHelp'),
            })}
            <FormControlLabel
              control={
                <Checkbox
                  checked={site.noClientEmailDomain}
                  disabled={readOnly}
                  onChange={(e) =>
                    patch({
                      noClientEmailDomain: e.target.checked,
                      ...(e.target.checked ? { emailDomain: undefined } : {}),
                    })
                  }
                  slotProps={{ input: { 'data-testid': 'site-noClientEmailDomain' } as object }}
                />
              }
              label={t('directory.site.noClientEmailDomain')}
            />
          </Stack>
        </Grid>
        <Grid size={12}>
          {text('siteMessage', t('directory.site.siteMessage'), {
            multiline: true,
            minRows: 2,
            helperText: t('directory.site.siteMessageHelp'),
          })}
        </Grid>
        <Grid size={12}>
          <FormControlLabel
            control={
              <Checkbox
                checked={site.rmmAgentOptIn}
                disabled={readOnly}
                onChange={(e) => patch({ rmmAgentOptIn: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'site-rmmAgentOptIn' } as object }}
              />
            }
            label={t('directory.site.rmmAgentOptIn')}
          />
          <Typography variant="body2" color="text.secondary">
            {t('directory.site.rmmHelp')}
          </Typography>
        </Grid>
      </Grid>
      <ServersEditor
        network={site.network}
        onChange={(network) => patch({ network })}
        readOnly={readOnly}
        errorAt={err}
      />
      {!readOnly && <SaveBar form={form} testId="site-save" />}
    </Stack>
  );
}
