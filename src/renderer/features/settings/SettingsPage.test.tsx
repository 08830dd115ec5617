// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Settings } from '../../../shared/ipc/contract.js';
import { renderPage } from '../../testing/renderPage.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

function setup(initial: Partial<Settings> = {}) {
  let settings: Settings = { theme: 'light', locale: 'en-US', clipboardClearSeconds: 30, ...initial };
  const view = renderPage(<SettingsPage />, {
    handlers: {
      'settings.get': async () => settings,
      'settings.set': async (patch) => (settings = { ...settings, ...patch }),
      'session.logout': async () => ({ signedIn: false, serverUrl: '', online: true }),
    },
  });
  return { ...view, saved: () => settings };
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('the Settings page', () => {
  it('names the field and the allowed range when the idle time is over 15 minutes, and saves nothing', async () => {
    const { calls } = setup();
    await screen.findByTestId('settings-idle');
    type('settings-idle', '30');
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText('Enter the idle sign-out time as whole minutes from 1 to 15.')).toBeTruthy();
    expect(screen.getByTestId('settings-invalid').textContent).toMatch(/One setting needs correcting/);
    expect(calls.some((c) => c.channel === 'settings.set')).toBe(false);
  });

  it('refuses a plain-http server address to another computer, saying why', async () => {
    setup({ serverUrl: 'http://127.0.0.1:4399' });
    await screen.findByTestId('settings-server-url');
    type('settings-server-url', 'http://callsign.example.com');
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(
      await screen.findByText(/must use https:\/\/\. Plain http:\/\/ is allowed only for this computer/),
    ).toBeTruthy();
  });

  it('saves language, theme, clipboard and idle time together, and says so', async () => {
    const { saved } = setup({ serverUrl: 'http://127.0.0.1:4399' });
    await screen.findByTestId('settings-idle');
    type('settings-idle', '5');
    type('settings-clipboard', '45');
    fireEvent.click(screen.getByTestId('settings-save'));
    await screen.findByTestId('settings-saved');
    expect(saved()).toMatchObject({
      idleSignOutMinutes: 5,
      clipboardClearSeconds: 45,
      serverUrl: 'http://127.0.0.1:4399',
    });
  });

  it('shows the cache maximum age as set by the server, read-only', async () => {
    setup();
    const field = (await screen.findByTestId('settings-cache-max-age')) as HTMLInputElement;
    await waitFor(() => expect(field.readOnly).toBe(true));
  });
});
