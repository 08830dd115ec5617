import { useEffect } from 'react';
import { useColorScheme } from '@mui/material/styles';
import { useSettings } from '../features/settings/useSettings.js';

/** Applies the saved theme mode; "system" follows `prefers-color-scheme`. */
export function useApplyThemeMode(): void {
  const settings = useSettings();
  const { setMode } = useColorScheme();
  const mode = settings.data?.theme;
  useEffect(() => {
    if (mode) setMode(mode);
  }, [mode, setMode]);
}
