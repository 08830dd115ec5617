import { useTranslation } from 'react-i18next';
import Autocomplete from '@mui/material/Autocomplete';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ReferenceKind, type Reference, type ReferenceBody, type Site } from '../../../shared/domain/index.js';
import { ReferenceBodyView } from '../references/ReferenceBodyView.js';
import { ReferenceKindChip } from '../references/ReferenceKindChip.js';
import { FormField, optional, useFieldError } from './FormField.js';
import { SaveBar } from './SaveBar.js';
import { StringList } from './StringList.js';
import { newId, useRecordForm } from './useRecordForm.js';

export const blankReference = (): Reference => ({
  id: newId('ref'),
  subject: '',
  tags: [],
  allSites: false,
  siteIds: [],
  kind: 'how_to',
  body: { summary: '', symptoms: [], steps: [] },
});

const ESCALATE_TO = ['tier4', 'third_party', 'partner'] as const;

/**
 * A reference (seeds/004): subject, tags, the sites it is assigned to or all sites, kind, and the
 * structured body, with a live preview drawn by the very component technicians read it in.
 */
export function ReferenceForm({
  initial,
  create,
  readOnly,
  sites,
  onSaved,
}: {
  initial: Reference;
  create: boolean;
  readOnly: boolean;
  sites: readonly Site[];
  onSaved: (r: Reference) => void;
}) {
  const { t } = useTranslation();
  const form = useRecordForm('references', initial, create, onSaved);
  const { draft: r, patch } = form;
  const err = useFieldError('reference', form.errors, form.tried);
  const setBody = (b: Partial<ReferenceBody>) => patch({ body: { ...r.body, ...b } });
  const esc = r.body.escalation;
  const byId = new Map(sites.map((s) => [s.id, s]));
  return (
    <Grid container spacing={3} data-testid="reference-form">
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          <FormField
            label={t('directory.reference.subject')}
            value={r.subject}
            onChange={(subject) => patch({ subject })}
            error={err('subject')}
            testId="reference-subject"
            readOnly={readOnly}
            required
          />
          <Stack direction="row" spacing={2}>
            <FormField
              label={t('directory.reference.kind')}
              value={r.kind}
              onChange={(v) => patch({ kind: ReferenceKind.parse(v) })}
              error={undefined}
              testId="reference-kind-select"
              readOnly={readOnly}
              options={ReferenceKind.options.map((k) => [k, t(`references.kind.${k}`)] as const)}
            />
            <Autocomplete
              multiple
              freeSolo
              options={[]}
              value={r.tags}
              disabled={readOnly}
              onChange={(_e, tags) => patch({ tags: tags.map((x) => x.trim()).filter(Boolean) })}
              fullWidth
              renderInput={(params) => (
                <TextField
                  {...params}
                  size="small"
                  label={t('directory.reference.tags')}
                  helperText={t('directory.reference.tagsHelp')}
                  slotProps={{
                    ...params.slotProps,
                    htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'reference-tags' },
                  }}
                />
              )}
            />
          </Stack>
          <FormControlLabel
            control={
              <Checkbox
                checked={r.allSites}
                disabled={readOnly}
                onChange={(e) => patch({ allSites: e.target.checked })}
                slotProps={{ input: { 'data-testid': 'reference-allSites' } as object }}
              />
            }
            label={t('directory.reference.allSites')}
          />
          {!r.allSites && (
            <Autocomplete
              multiple
              options={sites.map((s) => s.id)}
              value={r.siteIds}
              disabled={readOnly}
              getOptionLabel={(id) => byId.get(id)?.name ?? id}
              onChange={(_e, siteIds) => patch({ siteIds })}
              renderInput={(params) => (
                <TextField
                  {...params}
                  size="small"
                  label={t('directory.reference.sites')}
                  error={err('siteIds') !== undefined}
                  helperText={err('siteIds')}
                  slotProps={{
                    ...params.slotProps,
                    htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'reference-sites' },
                  }}
                />
              )}
            />
          )}
          <FormField
            label={t('references.summary')}
            value={r.body.summary}
            onChange={(summary) => setBody({ summary })}
            error={err('body.summary')}
            testId="reference-summary"
            readOnly={readOnly}
            multiline
            minRows={2}
          />
          <StringList
            title={t('references.symptoms')}
            items={r.body.symptoms}
            onChange={(symptoms) => setBody({ symptoms })}
            addLabel={t('directory.reference.addSymptom')}
            itemLabel={(i) => t('directory.reference.symptomN', { n: i + 1 })}
            testId="reference-symptoms"
            readOnly={readOnly}
          />
          <StringList
            title={t('references.steps')}
            items={r.body.steps}
            onChange={(steps) => setBody({ steps })}
            addLabel={t('directory.reference.addStep')}
            itemLabel={(i) => t('directory.reference.stepN', { n: i + 1 })}
            testId="reference-steps"
            readOnly={readOnly}
            multiline
          />
          <Stack direction="row" spacing={2}>
            <FormField
              label={t('references.escalation')}
              value={esc?.to ?? ''}
              onChange={(v) =>
                setBody({ escalation: v ? { ...esc, to: v as (typeof ESCALATE_TO)[number] } : undefined })
              }
              error={undefined}
              testId="reference-escalation-to"
              readOnly={readOnly}
              options={[
                ['', t('directory.none')],
                ...ESCALATE_TO.map((e) => [e, t(`references.escalateTo.${e}`)] as const),
              ]}
            />
            {esc && (
              <FormField
                label={t('directory.reference.escalationContact')}
                value={esc.contact}
                onChange={(v) => setBody({ escalation: { ...esc, contact: optional(v) } })}
                error={undefined}
                testId="reference-escalation-contact"
                readOnly={readOnly}
              />
            )}
          </Stack>
          {!readOnly && <SaveBar form={form} testId="reference-save" />}
        </Stack>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Typography variant="subtitle1" component="h3" sx={{ mb: 1 }}>
          {t('directory.reference.preview')}
        </Typography>
        <Paper variant="outlined" sx={{ p: 2 }} data-testid="reference-preview">
          <Stack spacing={1.5}>
            <Typography variant="h3" component="p">
              {r.subject || t('directory.reference.noSubject')}
            </Typography>
            <ReferenceKindChip kind={r.kind} />
            <ReferenceBodyView body={r.body} />
          </Stack>
        </Paper>
      </Grid>
    </Grid>
  );
}
