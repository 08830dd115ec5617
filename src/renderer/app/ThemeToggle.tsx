import { useTranslation } from 'react-i18next';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Tooltip from '@mui/material/Tooltip';
import DarkModeOutlined from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlined from '@mui/icons-material/LightModeOutlined';
import SettingsBrightnessOutlined from '@mui/icons-material/SettingsBrightnessOutlined';
import type { ThemeMode } from '../../shared/ipc/contract.js';
import { useUpdateSettings } from '../features/settings/mutations.js';
import { useSettings } from '../features/settings/useSettings.js';

const MODES: { mode: ThemeMode; icon: React.ReactNode }[] = [
  { mode: 'system', icon: <SettingsBrightnessOutlined fontSize="small" /> },
  { mode: 'light', icon: <LightModeOutlined fontSize="small" /> },
  { mode: 'dark', icon: <DarkModeOutlined fontSize="small" /> },
];

/** System / Light / Dark, saved through `settings.set` (main's settings store, not localStorage). */
export function ThemeToggle() {
  const { t } = useTranslation();
  const settings = useSettings();
  const update = useUpdateSettings();
  const current = settings.data?.theme ?? 'system';
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={current}
      aria-label={t('theme.label')}
      onChange={(_e, mode: ThemeMode | null) => mode && update.mutate({ theme: mode })}
      data-testid="theme-toggle"
    >
      {MODES.map(({ mode, icon }) => (
        <Tooltip key={mode} title={t(`theme.${mode}`)}>
          <ToggleButton value={mode} aria-label={t(`theme.${mode}`)} sx={{ px: 0.75, py: 0.5 }}>
            {icon}
          </ToggleButton>
        </Tooltip>
      ))}
    </ToggleButtonGroup>
  );
}
