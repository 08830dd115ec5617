/**
 * Choosing and changing one's own password (issue 16), the rules the server enforces and the
 * desktop checks as the person types — one schema for both:
 *  - `POST /v1/auth/password/choose` `ChoosePasswordRequest` → `SessionTokens` (public: the
 *    passwordChangeToken from a sign-in with a one-time password is the credential);
 *  - `POST /v1/auth/password` `ChangePasswordRequest` → 204 (signed in; every other session of
 *    the account ends, this one stays).
 * The new password travels only in these bodies; it is never logged, stored or put in a URL.
 */
import { z } from 'zod';
import { CurrentPassword } from './session.js';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * A password a person (or main, for a one-time password) sets. The server hashes it with scrypt
 * after NFC normalisation (server/auth/password.ts), which has no length cut-off of its own.
 */
export const NewPassword = z
  .string({ error: 'enter a new password' })
  .min(MIN_PASSWORD_LENGTH, `use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `use at most ${MAX_PASSWORD_LENGTH} characters`);

/** The rules that need to know whose password it is; null when the password passes them. */
export function newPasswordProblem(
  password: string,
  context: { email: string; oldPassword?: string },
): 'too_short' | 'too_long' | 'is_email' | 'same_as_old' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password.trim().toLowerCase() === context.email.trim().toLowerCase()) return 'is_email';
  if (context.oldPassword !== undefined && password.normalize('NFC') === context.oldPassword.normalize('NFC'))
    return 'same_as_old';
  return null;
}

/** What to do about each problem, as the server says it (field `newPassword`). */
export const NEW_PASSWORD_MESSAGE: Record<NonNullable<ReturnType<typeof newPasswordProblem>>, string> = {
  too_short: `newPassword: use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `newPassword: use at most ${MAX_PASSWORD_LENGTH} characters.`,
  is_email: 'newPassword: your email address is not a password. Choose something only you know.',
  same_as_old: 'newPassword: choose a password different from the one you have now.',
};

export const ChangePasswordRequest = z
  .object({ currentPassword: CurrentPassword, newPassword: NewPassword })
  .strict()
  .refine((b) => b.newPassword.normalize('NFC') !== b.currentPassword.normalize('NFC'), {
    message: 'choose a password different from the one you have now',
    path: ['newPassword'],
  });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const ChoosePasswordRequest = z
  .object({
    passwordChangeToken: z.string().min(1, 'sign in again with your one-time password').max(256),
    newPassword: NewPassword,
  })
  .strict();
export type ChoosePasswordRequest = z.infer<typeof ChoosePasswordRequest>;
