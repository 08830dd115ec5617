// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ImportPreview } from '../../../shared/directory/import/contract.js';
import { createI18n } from '../../app/i18n/createI18n.js';
import { ImportPreviewView } from './ImportPreviewView.js';

afterEach(cleanup);

const preview: ImportPreview = {
  siteId: 'site-1',
  format: 'xlsx',
  language: 'de',
  rows: 2,
  counts: { added: 1, updated: 0, deleted: 0, unchanged: 0, failed: 1 },
  errorCount: 1,
  warningCount: 1,
  errors: [
    {
      row: 3,
      column: 'phone1.country',
      header: 'Telefon 1 Land',
      severity: 'error',
      code: 'country_invalid',
      params: { value: 'Deutschland' },
      message: '"Deutschland" is not a two-letter ISO country code. Use e.g. US, GB, AU or DE.',
    },
  ],
  warnings: [
    {
      row: 2,
      column: 'phone1.number',
      severity: 'warning',
      code: 'digits_normalised',
      params: { value: '030 1234567', normalised: '+49301234567' },
      message: 'Read "030 1234567" as +49301234567.',
    },
  ],
  added: [{ row: 2, firstName: 'Anna', lastName: 'Berg' }],
  updated: [],
  deleted: [],
  canApply: false,
};

const show = (locale: string) =>
  render(
    <I18nextProvider i18n={createI18n(locale)}>
      <ImportPreviewView preview={preview} onApply={() => {}} />
    </I18nextProvider>,
  );

describe('import preview issues', () => {
  it('shows a German administrator each issue in German, with the file’s values', () => {
    show('de');
    const [error] = screen.getAllByTestId('import-issue').filter((r) => r.dataset.code === 'country_invalid');
    expect(error!.textContent).toContain('„Deutschland“ ist kein zweistelliger ISO-Ländercode.');
    expect(screen.getByText('„030 1234567“ wurde als +49301234567 gelesen.')).toBeTruthy();
    expect(screen.queryByText(/is not a two-letter ISO country code/)).toBeNull();
  });

  it('shows the server’s own sentence in English', () => {
    show('en-GB');
    expect(screen.getByText(preview.errors[0]!.message)).toBeTruthy();
  });
});
