/**
 * The shared password rules (src/shared/auth/passwordChange.ts) as the form shows them: the i18n key
 * (and values) of the first problem with a new password and its repetition, or null. The server
 * checks the same rules again; this only spares the person a round trip.
 */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newPasswordProblem } from '../../../shared/auth/passwordChange.js';

export interface NewPasswordError {
  key: string;
  values?: Record<string, number>;
  field: 'newPassword' | 'repeat';
}

export function newPasswordError(
  draft: { newPassword: string; repeat: string },
  context: { email: string; oldPassword?: string },
): NewPasswordError | null {
  const problem = newPasswordProblem(draft.newPassword, context.email ? context : { ...context, email: '\u0000' });
  if (problem)
    return {
      key: `password.problem.${problem}`,
      values: { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH },
      field: 'newPassword',
    };
  if (draft.repeat !== draft.newPassword) return { key: 'password.problem.mismatch', field: 'repeat' };
  return null;
}

/** A server sentence shown under its own field: without the leading "field: ", capitalised. */
export function underField(text: string | undefined, field: string): string | undefined {
  if (!text) return undefined;
  const rest = text.startsWith(`${field}: `) ? text.slice(field.length + 2) : text;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
