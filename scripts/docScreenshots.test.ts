// `npm test` must not rewrite the tracked README screenshots: only `npm run screenshots` does.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docScreenshotPath } from '../e2e/support/docScreenshot.js';

const e2e = resolve(import.meta.dirname, '../e2e');

describe('README screenshots', () => {
  it('are written to docs/screenshots only with UPDATE_SCREENSHOTS=1, else under test-results', () => {
    expect(docScreenshotPath('lookup-light', {})).toBe('test-results/screenshots/lookup-light.png');
    expect(docScreenshotPath('lookup-light', { UPDATE_SCREENSHOTS: '0' })).toBe(
      'test-results/screenshots/lookup-light.png',
    );
    expect(docScreenshotPath('lookup-light', { UPDATE_SCREENSHOTS: '1' })).toBe('docs/screenshots/lookup-light.png');
  });

  it('no journey names docs/screenshots itself (they go through docScreenshot)', () => {
    const offenders = readdirSync(e2e, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('docScreenshot.ts'))
      .filter((f) => readFileSync(join(e2e, f), 'utf8').includes('docs/screenshots'));
    expect(offenders).toEqual([]);
  });

  it('npm run screenshots asks for them', () => {
    const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.screenshots).toMatch(/UPDATE_SCREENSHOTS=1/);
  });
});
