// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../../shared/api/errors.js';
import type { SessionStatus } from '../../../shared/ipc/contract.js';
import { renderPage, TECH } from '../../testing/renderPage.js';
import { sessionKeys } from './queries.js';
import { SignInPage } from './SignInPage.js';

afterEach(cleanup);

const OTP = 'abcde-FGHJK-mnpqr-STUVW';
const MINE = 'my own staple battery horse';
const signedOut: Partial<SessionStatus> = { signedIn: false, user: undefined };

async function signInWithOneTimePassword() {
  fireEvent.change(await screen.findByTestId('signin-email'), { target: { value: TECH.email } });
  fireEvent.change(screen.getByTestId('signin-password'), { target: { value: OTP } });
  fireEvent.click(screen.getByTestId('signin-submit'));
  return screen.findByTestId('choose-password');
}

const type = (newPassword: string, repeat = newPassword) => {
  fireEvent.change(screen.getByTestId('choose-password-new'), { target: { value: newPassword } });
  fireEvent.change(screen.getByTestId('choose-password-repeat'), { target: { value: repeat } });
  fireEvent.click(screen.getByTestId('choose-password-submit'));
};

describe('SignInPage — choose your own password after a one-time password', () => {
  it('asks for the person’s own password, checks the shared rules first, then signs in', async () => {
    const choose = vi.fn(async ({ newPassword }: { newPassword: string }) => {
      if (newPassword === 'twelve chars!')
        throw new AppError(
          'bad_request',
          'newPassword: choose a password different from the one you have now.',
          'newPassword',
        );
      return { signedIn: true, user: TECH, serverUrl: 'x', online: true };
    });
    const { calls, queryClient } = renderPage(<SignInPage serverUrl="https://callsign.example.com" />, {
      status: signedOut,
      handlers: {
        'session.login': async () => ({ signedIn: false, serverUrl: 'x', online: true, passwordChangeRequired: true }),
        'session.choosePassword': choose,
      },
    });
    await signInWithOneTimePassword();
    expect(screen.getByText('Choose your own password')).toBeTruthy();

    type('short');
    expect(await screen.findByText('Use at least 12 characters.')).toBeTruthy();
    type(TECH.email);
    expect(await screen.findByText(/Your email address is not a password/)).toBeTruthy();
    type(MINE, `${MINE}x`);
    expect(await screen.findByText(/The two passwords differ/)).toBeTruthy();
    expect(choose).not.toHaveBeenCalled();

    // The server's rule (here: the one-time password again) shows under the field, without its name.
    type('twelve chars!');
    const field = screen.getByTestId('choose-password-new').closest('.MuiFormControl-root')!;
    await waitFor(() => expect(field.textContent).toContain('Choose a password different from the one you have now.'));
    expect(field.textContent).not.toContain('newPassword:');

    type(MINE);
    await waitFor(() => expect(queryClient.getQueryData<SessionStatus>(sessionKeys.status())?.signedIn).toBe(true));
    expect(calls.filter((c) => c.channel === 'session.choosePassword').map((c) => c.payload)).toEqual([
      { newPassword: 'twelve chars!' },
      { newPassword: MINE },
    ]);
  });

  it('an expired step says what to do, and Back to sign-in returns to the password form', async () => {
    renderPage(<SignInPage serverUrl="https://callsign.example.com" />, {
      status: signedOut,
      handlers: {
        'session.login': async () => ({ signedIn: false, serverUrl: 'x', online: true, passwordChangeRequired: true }),
        'session.choosePassword': async () => {
          throw new AppError(
            'unauthorized',
            'This step has expired or was already used. Sign in again with your one-time password to choose your own.',
          );
        },
        'session.logout': async () => ({ signedIn: false, serverUrl: 'x', online: true }),
      },
    });
    await signInWithOneTimePassword();
    type(MINE);
    expect((await screen.findByTestId('choose-password-error')).textContent).toMatch(
      /Sign in again with your one-time/,
    );
    fireEvent.click(screen.getByTestId('choose-password-back'));
    expect(await screen.findByTestId('signin-submit')).toBeTruthy();
    expect(screen.queryByTestId('choose-password')).toBeNull();
  });

  it('shows the server’s sentence for an expired one-time password on the sign-in form', async () => {
    renderPage(<SignInPage serverUrl="https://callsign.example.com" />, {
      status: signedOut,
      handlers: {
        'session.login': async () => {
          throw new AppError(
            'one_time_password_expired',
            'This one-time password has expired (it works for 72 hours). Ask an administrator to reset your password for a new one.',
          );
        },
      },
    });
    fireEvent.change(await screen.findByTestId('signin-email'), { target: { value: TECH.email } });
    fireEvent.change(screen.getByTestId('signin-password'), { target: { value: OTP } });
    fireEvent.click(screen.getByTestId('signin-submit'));
    expect((await screen.findByTestId('signin-error')).textContent).toMatch(/expired.*Ask an administrator/);
    expect(screen.queryByTestId('choose-password')).toBeNull();
  });
});
