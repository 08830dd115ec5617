/**
 * Both themes meet WCAG 2.x AA for text: 4.5:1 for body text on the page and on paper (primary and
 * secondary text, and each status colour used as text, e.g. an error helper text or a link), and
 * 4.5:1 for a button's label on its filled colour (contrastText on main). Disabled text is exempt
 * (WCAG 1.4.3 excludes inactive components).
 */
import { getContrastRatio, type Palette } from '@mui/material/styles';
import { describe, expect, it } from 'vitest';
import { createAppTheme } from './theme.js';

const AA = 4.5;
const STATUS = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

describe.each(['light', 'dark'] as const)('the %s theme meets WCAG AA for text', (scheme) => {
  // With CSS variables on, the theme carries both schemes' resolved palettes.
  const theme = createAppTheme() as ReturnType<typeof createAppTheme> & {
    colorSchemes: Record<'light' | 'dark', { palette: Palette }>;
  };
  const palette = theme.colorSchemes[scheme].palette;
  const backgrounds = { default: palette.background.default, paper: palette.background.paper };

  it.each(Object.entries(backgrounds))('text.primary and text.secondary on background.%s', (_name, bg) => {
    expect(getContrastRatio(palette.text.primary, bg)).toBeGreaterThanOrEqual(AA);
    expect(getContrastRatio(palette.text.secondary, bg)).toBeGreaterThanOrEqual(AA);
  });

  it.each(STATUS)('%s: contrastText on main, and main as text on both backgrounds', (name) => {
    const c = palette[name];
    expect(getContrastRatio(c.contrastText, c.main), `${name}.contrastText on ${name}.main`).toBeGreaterThanOrEqual(AA);
    for (const [bgName, bg] of Object.entries(backgrounds))
      expect(getContrastRatio(c.main, bg), `${name}.main on background.${bgName}`).toBeGreaterThanOrEqual(AA);
  });
});
