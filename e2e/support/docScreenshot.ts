/**
 * Screenshots the README and docs show. A journey always takes them (so a broken screen still fails
 * the run), but writes the tracked files in docs/screenshots only when asked — `npm run screenshots`
 * sets UPDATE_SCREENSHOTS=1 — so `npm test` never leaves the working tree changed. Otherwise they go
 * to test-results/screenshots for a look.
 */
import type { Page, PageScreenshotOptions } from '@playwright/test';

export function docScreenshotPath(name: string, env: Record<string, string | undefined> = process.env): string {
  return env.UPDATE_SCREENSHOTS === '1' ? `docs/screenshots/${name}.png` : `test-results/screenshots/${name}.png`;
}

export async function docScreenshot(page: Page, name: string, options: Omit<PageScreenshotOptions, 'path'> = {}) {
  await page.screenshot({ ...options, path: docScreenshotPath(name) });
}
