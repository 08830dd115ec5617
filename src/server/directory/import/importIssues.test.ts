import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportIssueCode } from '../../../shared/directory/import/index.js';
import { SUPPORTED_LOCALES } from '../../../shared/i18n/locales.js';
import { makeIssue } from './importIssues.js';

/** The params each code's English sentence reads (what the server always sends with it). */
function paramsRead(code: ImportIssueCode): Set<string> {
  const read = new Set<string>();
  const params = new Proxy({} as Record<string, string>, {
    get: (_, key) => {
      if (typeof key === 'string') read.add(key);
      return 'x';
    },
  });
  makeIssue(2, code, params);
  return read;
}

// Read as data: the desktop's catalogues translate these sentences by code and params.
const catalogue = (locale: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, `../../../renderer/features/directory/i18n/${locale}.json`), 'utf8'),
  ) as { directory: { import: { issue: Record<string, string> } } };

describe('import issue sentences for the desktop', () => {
  it('every translation interpolates only params the server sends with that code', () => {
    const wrong: string[] = [];
    for (const locale of SUPPORTED_LOCALES) {
      const issues = catalogue(locale).directory.import.issue;
      for (const code of ImportIssueCode.options) {
        const sent = paramsRead(code);
        for (const m of (issues[code] ?? '').matchAll(/\{\{\s*(\w+)/g))
          if (!sent.has(m[1]!)) wrong.push(`${locale} ${code}: {{${m[1]}}}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
