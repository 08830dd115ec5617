// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../../shared/api/errors.js';
import { renderPage } from '../../testing/renderPage.js';
import { AccountSecurityPage } from './AccountSecurityPage.js';

afterEach(cleanup);

const CURRENT = 'correct horse battery staple';
const MINE = 'my own staple battery horse';

const fill = (current: string, newPassword: string, repeat = newPassword) => {
  fireEvent.change(screen.getByTestId('password-current'), { target: { value: current } });
  fireEvent.change(screen.getByTestId('password-new'), { target: { value: newPassword } });
  fireEvent.change(screen.getByTestId('password-repeat'), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId('password-submit'));
};
const helperOf = (testId: string) => screen.getByTestId(testId).closest('.MuiFormControl-root')!.textContent ?? '';

describe('AccountSecurityPage — change password', () => {
  it('checks the rules, shows a wrong current password at its field, then changes and clears the form', async () => {
    const changePassword = vi.fn(async ({ currentPassword }: { currentPassword: string }) => {
      if (currentPassword !== CURRENT)
        throw new AppError(
          'invalid_credentials',
          'currentPassword: that is not your current password. Enter the password you sign in with.',
          'currentPassword',
        );
      return { changed: true as const };
    });
    const devices = vi.fn(async () => ({ devices: [] }));
    const { calls } = renderPage(<AccountSecurityPage />, {
      handlers: { 'account.changePassword': changePassword, 'devices.list': devices },
    });
    await screen.findByText(/Tess Tech · tech@callsign\.demo/); // whose email the rules compare with

    fill('', MINE);
    expect(helperOf('password-current')).toContain('Enter the password you sign in with now.');
    fill(CURRENT, CURRENT);
    expect(helperOf('password-new')).toContain('Choose a password different from the one you have now.');
    fill(CURRENT, 'tech@callsign.demo');
    expect(helperOf('password-new')).toContain('Your email address is not a password');
    fill(CURRENT, MINE, 'something else entirely');
    expect(helperOf('password-repeat')).toContain('The two passwords differ');
    expect(changePassword).not.toHaveBeenCalled();

    fill('not it at all', MINE);
    await waitFor(() => expect(helperOf('password-current')).toContain('That is not your current password.'));

    const listsBefore = devices.mock.calls.length;
    fill(CURRENT, MINE);
    expect((await screen.findByTestId('password-changed')).textContent).toMatch(/other devices were signed out/);
    expect(calls.filter((c) => c.channel === 'account.changePassword').map((c) => c.payload)).toEqual([
      { currentPassword: 'not it at all', newPassword: MINE },
      { currentPassword: CURRENT, newPassword: MINE },
    ]);
    for (const id of ['password-current', 'password-new', 'password-repeat'])
      expect((screen.getByTestId(id) as HTMLInputElement).value).toBe('');
    // The device list is asked again: the other devices are gone from it.
    await waitFor(() => expect(devices.mock.calls.length).toBeGreaterThan(listsBefore));
  });

  it('a rate limit or lost server is said above the form', async () => {
    renderPage(<AccountSecurityPage />, {
      handlers: {
        'devices.list': async () => ({ devices: [] }),
        'account.changePassword': async () => {
          throw new AppError(
            'rate_limited',
            'Too many sign-in attempts in the last minute. Wait a minute and try again.',
          );
        },
      },
    });
    await screen.findByTestId('password-section');
    fill(CURRENT, MINE);
    expect((await screen.findByTestId('password-error')).textContent).toMatch(/Wait a minute/);
  });
});
