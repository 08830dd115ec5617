// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useTranslation } from 'react-i18next';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Settings } from '../../shared/ipc/contract.js';
import { renderPage } from '../testing/renderPage.js';
import { createI18n } from './i18n/createI18n.js';
import { useApplyLanguage } from './i18n/useApplyLanguage.js';
import { LanguageMenu } from './LanguageMenu.js';

afterEach(cleanup);

function Probe() {
  useApplyLanguage();
  return null;
}

/** Reads no settings: only i18next's languageChanged can re-render it. */
function Label() {
  const { t } = useTranslation();
  return <span data-testid="probe">{t('nav.lookup')}</span>;
}

describe('language', () => {
  it('every locale has its own catalogue loaded', () => {
    expect(['en-US', 'en-GB', 'de', 'es', 'fr', 'it'].map((l) => createI18n(l).t('nav.lookup'))).toEqual([
      'Lookup',
      'Lookup',
      'Suche',
      'Búsqueda',
      'Recherche',
      'Ricerca',
    ]);
  });

  it('the globe lists each language in itself, saves the choice and switches the interface', async () => {
    let settings: Settings = { theme: 'light', locale: 'en-US', clipboardClearSeconds: 30 };
    renderPage(
      <>
        <LanguageMenu />
        <Probe />
        <Label />
      </>,
      {
        handlers: {
          'settings.get': async () => settings,
          'settings.set': async (patch) => (settings = { ...settings, ...patch }),
        },
      },
    );
    fireEvent.click(await screen.findByTestId('language-menu'));
    expect(screen.getByTestId('language-de').textContent).toBe('Deutsch');
    expect(screen.getByTestId('language-en-GB').textContent).toBe('British English');
    fireEvent.click(screen.getByTestId('language-de'));
    await waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('Suche'));
    expect(settings.locale).toBe('de');
  });
});
