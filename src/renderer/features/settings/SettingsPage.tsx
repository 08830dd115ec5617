import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Settings } from '../../../shared/ipc/contract.js';
import { SUPPORTED_LOCALES } from '../../app/i18n/createI18n.js';
import { languageName } from '../../app/i18n/languageName.js';
import { useSessionStatus } from '../session/useSessionStatus.js';
import { CacheMaxAge } from './CacheMaxAge.js';
import { CountryPicker } from './CountryPicker.js';
import {
  CLIPBOARD_SECONDS,
  IDLE_MINUTES,
  formFromSettings,
  validateSettingsForm,
  type FieldProblem,
  type SettingsField,
  type SettingsForm,
} from './settingsForm.js';
import { useSaveSettings } from './useSaveSettings.js';
import { useSettings } from './useSettings.js';
import { useErrorText } from '../../app/useErrorText.js';

/** Route `#/settings`: this desk's settings, kept by main's settings store (they survive a restart). */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings().data;
  const serverUrl = useSessionStatus().data?.serverUrl ?? '';
  if (!settings) return null;
  return (
    <Stack spacing={2} sx={{ maxWidth: 720, mx: 'auto' }} data-testid="settings-page">
      <Box>
        <Typography variant="h1">{t('settings.title')}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t('settings.subtitle')}
        </Typography>
      </Box>
      <SettingsFormView settings={settings} currentServerUrl={settings.serverUrl ?? serverUrl} />
    </Stack>
  );
}

function SettingsFormView({ settings, currentServerUrl }: { settings: Settings; currentServerUrl: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(settings, currentServerUrl));
  const [problems, setProblems] = useState<Partial<Record<SettingsField, FieldProblem>>>({});
  const save = useSaveSettings(currentServerUrl);
  const set = <K extends SettingsField>(field: K, value: SettingsForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setProblems(({ [field]: _fixed, ...rest }) => rest);
    save.reset();
  };
  const problem = (field: SettingsField) => {
    const p = problems[field];
    return p && t(p.key, p.values);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const result = validateSettingsForm(form);
    if (!result.ok) return setProblems(result.problems);
    save.mutate(result.patch);
  };
  const serverChanged = form.serverUrl.trim() !== currentServerUrl;
  return (
    <Paper component="form" noValidate onSubmit={submit} sx={{ p: 2 }} aria-label={t('settings.title')}>
      <Stack spacing={2.5}>
        <TextField
          label={t('settings.serverUrl.label')}
          value={form.serverUrl}
          onChange={(e) => set('serverUrl', e.target.value)}
          error={Boolean(problems.serverUrl)}
          helperText={
            problem('serverUrl') ?? t(serverChanged ? 'settings.serverUrl.signsOut' : 'settings.serverUrl.help')
          }
          slotProps={{ htmlInput: { 'data-testid': 'settings-server-url', inputMode: 'url', spellCheck: false } }}
        />
        <CountryPicker
          value={form.deskCountry}
          onChange={(c) => set('deskCountry', c)}
          error={problem('deskCountry')}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            fullWidth
            label={t('settings.language.label')}
            value={form.locale}
            onChange={(e) => set('locale', e.target.value as SettingsForm['locale'])}
            slotProps={{ htmlInput: { 'data-testid': 'settings-language' } }}
          >
            {SUPPORTED_LOCALES.map((l) => (
              <MenuItem key={l} value={l} lang={l}>
                {languageName(l)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            fullWidth
            label={t('theme.label')}
            value={form.theme}
            onChange={(e) => set('theme', e.target.value as SettingsForm['theme'])}
            slotProps={{ htmlInput: { 'data-testid': 'settings-theme' } }}
          >
            {(['system', 'light', 'dark'] as const).map((m) => (
              <MenuItem key={m} value={m}>
                {t(`theme.${m}`)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            fullWidth
            label={t('settings.clipboard.label')}
            value={form.clipboardClearSeconds}
            onChange={(e) => set('clipboardClearSeconds', e.target.value)}
            error={Boolean(problems.clipboardClearSeconds)}
            helperText={problem('clipboardClearSeconds') ?? t('settings.clipboard.help', CLIPBOARD_SECONDS)}
            slotProps={{ htmlInput: { 'data-testid': 'settings-clipboard', inputMode: 'numeric' } }}
          />
          <TextField
            fullWidth
            label={t('settings.idle.label')}
            value={form.idleSignOutMinutes}
            onChange={(e) => set('idleSignOutMinutes', e.target.value)}
            error={Boolean(problems.idleSignOutMinutes)}
            helperText={problem('idleSignOutMinutes') ?? t('settings.idle.help', IDLE_MINUTES)}
            slotProps={{ htmlInput: { 'data-testid': 'settings-idle', inputMode: 'numeric' } }}
          />
        </Stack>
        <CacheMaxAge />
        {Object.keys(problems).length > 0 && (
          <Alert severity="error" data-testid="settings-invalid">
            {t('settings.invalid', { count: Object.keys(problems).length })}
          </Alert>
        )}
        {save.isError && (
          <Alert severity="error" data-testid="settings-error">
            {errorText(save.error)}
          </Alert>
        )}
        {save.isSuccess && (
          <Alert severity="success" data-testid="settings-saved">
            {t('settings.saved')}
          </Alert>
        )}
        <Box>
          <Button type="submit" variant="contained" disabled={save.isPending} data-testid="settings-save">
            {t('settings.save')}
          </Button>
        </Box>
      </Stack>
    </Paper>
  );
}
