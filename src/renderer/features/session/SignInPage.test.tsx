// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { AppError } from '../../../shared/api/errors.js';
import { renderPage } from '../../testing/renderPage.js';
import { SignInPage } from './SignInPage.js';

afterEach(cleanup);

async function submit(server: string) {
  fireEvent.change(await screen.findByTestId('signin-email'), { target: { value: 'tech@callsign.demo' } });
  fireEvent.change(screen.getByTestId('signin-password'), { target: { value: 'pw' } });
  fireEvent.change(screen.getByTestId('signin-server'), { target: { value: server } });
  fireEvent.click(screen.getByTestId('signin-submit'));
}

describe('SignInPage — server address', () => {
  it('shows why a plain-http address to another machine is refused, under the server field, and never signs in', async () => {
    const login = vi.fn(async () => ({ signedIn: true, serverUrl: 'x', online: true }));
    renderPage(<SignInPage serverUrl="http://127.0.0.1:4317" />, {
      status: { signedIn: false, user: undefined },
      handlers: { 'session.login': login },
    });
    await submit('http://callsign.example.com');
    const field = screen.getByTestId('signin-server').closest('.MuiFormControl-root')!;
    await waitFor(() => expect(field.textContent).toMatch(/must use https:\/\/.*only for this computer/));
    expect(field.querySelector('[aria-invalid="true"]')).not.toBeNull();
    expect(login).not.toHaveBeenCalled();
  });

  it('refuses a non-http(s) address, and accepts an https one', async () => {
    const login = vi.fn(async () => ({ signedIn: false, serverUrl: 'x', online: true }));
    renderPage(<SignInPage serverUrl="http://127.0.0.1:4317" />, {
      status: { signedIn: false, user: undefined },
      handlers: { 'session.login': login },
    });
    await submit('ftp://callsign.example.com');
    const field = screen.getByTestId('signin-server').closest('.MuiFormControl-root')!;
    await waitFor(() => expect(field.textContent).toMatch(/must start with https:\/\//));
    expect(login).not.toHaveBeenCalled();
    await submit('https://callsign.example.com');
    await waitFor(() => expect(login).toHaveBeenCalledTimes(1));
  });

  it('shows the server’s sentence when an administrator disabled the account', async () => {
    const login = vi.fn(async () => {
      throw new AppError(
        'account_disabled',
        'An administrator disabled this account. Ask an administrator to enable it.',
      );
    });
    renderPage(<SignInPage serverUrl="https://callsign.example.com" />, {
      status: { signedIn: false, user: undefined },
      handlers: { 'session.login': login },
    });
    await submit('https://callsign.example.com');
    expect(await screen.findByText(/disabled this account\. Ask an administrator to enable it/)).toBeTruthy();
  });
});
