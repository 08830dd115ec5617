import { z } from 'zod';

/** Stable error codes; the UI translates them (i18n key `errors.<code>`). */
export const ErrorCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'invalid_credentials',
  'server_unreachable',
  'not_signed_in',
  'device_revoked',
  /** An administrator disabled the account (issue 16): sign-in is refused until one enables it. */
  'account_disabled',
  'invalid_code',
  /** A one-time password an administrator set more than 72 hours ago: ask an administrator for a new one. */
  'one_time_password_expired',
  /** A right TOTP code that was already used (e.g. the one just typed to confirm enrolment). */
  'code_already_used',
  'chain_broken',
  'unavailable',
  'payload_too_large',
  'headers_too_large',
  'unsupported_media_type',
  /** Vault (issue 10): the account is held by someone else, or cannot be checked out while it rotates. */
  'checked_out',
  'rotation_pending',
  'rotation_failed',
  /** A credential of another site than the caller's, without the explicit confirmation. */
  'wrong_site',
  'not_checked_out',
  /** The login window is over: the password was (or is being) rotated. */
  'lease_ended',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error shape used over HTTP and IPC: `{ error: { code, message, field? } }`. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** An error a person may see: `message` says what went wrong and what to do, never a secret. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | (string & {}),
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

/** Turns a zod error into an AppError naming the first offending field. */
export function fromZodError(err: z.ZodError, prefix = ''): AppError {
  const issue = err.issues[0];
  const path = [prefix, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  const msg = issue ? `${path || 'input'}: ${issue.message}` : 'invalid input';
  return new AppError('bad_request', msg, path || undefined);
}

/** Parses with a schema and throws an AppError naming the field on failure. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZodError(r.error, prefix);
  return r.data;
}
