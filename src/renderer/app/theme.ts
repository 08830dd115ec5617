/**
 * The MUI theme: light and dark colour schemes (switched by a class on <html>, following
 * `prefers-color-scheme` in "system" mode), compact density, an 8 px grid, one accent colour and the
 * system font stack. Status colours (error/warning/success/info) are used only for status. Every text
 * colour meets WCAG AA (4.5:1) on its background in both schemes (theme.contrast.test.ts).
 */
import { createTheme } from '@mui/material/styles';

const ACCENT_LIGHT = '#1f5fbf';
const ACCENT_DARK = '#8ab4f8';

export function createAppTheme() {
  return createTheme({
    cssVariables: { colorSchemeSelector: 'class' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: ACCENT_LIGHT },
          // MUI's default warning (#ed6c02) and info (#0288d1) under white text are 3.1:1 and 3.9:1.
          warning: { main: '#b24c00' },
          info: { main: '#0267a3' },
          background: { default: '#f4f6f9', paper: '#ffffff' },
          text: { primary: '#17212b', secondary: '#4a5662' },
        },
      },
      dark: {
        palette: {
          primary: { main: ACCENT_DARK },
          // MUI's dark error (#f44336) under its white text is 3.7:1; this one takes dark text at 8.8:1.
          error: { main: '#f28b82', contrastText: '#000000' },
          background: { default: '#111418', paper: '#1a1f25' },
          text: { primary: '#e6e9ee', secondary: '#a9b2bd' },
        },
      },
    },
    spacing: 8,
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
      fontSize: 14,
      h1: { fontSize: '1.5rem', fontWeight: 600 },
      h2: { fontSize: '1.25rem', fontWeight: 600 },
      h3: { fontSize: '1.0625rem', fontWeight: 600 },
      button: { textTransform: 'none', fontWeight: 600 },
      overline: { letterSpacing: '0.06em', fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiIconButton: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiList: { defaultProps: { dense: true } },
      MuiMenuItem: { defaultProps: { dense: true } },
      MuiToolbar: { defaultProps: { variant: 'dense' } },
      MuiTooltip: { defaultProps: { arrow: true } },
      MuiPaper: { defaultProps: { variant: 'outlined' } },
      MuiAppBar: { defaultProps: { elevation: 0, color: 'default' } },
      MuiButtonBase: {
        styleOverrides: {
          root: { '&.Mui-focusVisible': { outline: '2px solid', outlineOffset: 2 } },
        },
      },
    },
  });
}
