/**
 * Every import issue code (the shared enum, so a new code fails here until it is translated) has
 * its sentence in each locale's catalogue, and the non-English ones are translations, not copies.
 */
import { describe, expect, it } from 'vitest';
import { ImportIssueCode } from '../../../shared/directory/import/contract.js';
import { SUPPORTED_LOCALES } from '../../../shared/i18n/locales.js';
import { createI18n } from '../../app/i18n/createI18n.js';

const english = createI18n('en-US');
/** Sentences that are the server's own words (`{{reason}}`, `{{field}}: {{reason}}`) in every language. */
const PASSED_THROUGH = new Set<string>(['file_unreadable', 'invalid_value']);

describe('import issue sentences', () => {
  it.each(SUPPORTED_LOCALES.filter((l) => !l.startsWith('en')))('%s translates every issue code', (locale) => {
    const i18n = createI18n(locale);
    const missing = ImportIssueCode.options.filter((code) => {
      const key = `directory.import.issue.${code}`;
      const text = i18n.getResource(locale, 'translation', key) as unknown;
      return typeof text !== 'string' || text.trim() === '';
    });
    expect(missing).toEqual([]);
    const copied = ImportIssueCode.options.filter(
      (code) =>
        !PASSED_THROUGH.has(code) &&
        i18n.t(`directory.import.issue.${code}`) === english.t(`directory.import.issue.${code}`),
    );
    expect(copied).toEqual([]);
  });
});
