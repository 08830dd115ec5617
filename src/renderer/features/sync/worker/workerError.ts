import { AppError } from '../../../../shared/api/errors.js';

/** An error as it crosses a worker boundary in a reply (structured clone keeps no Error class). */
export interface WorkerError {
  code: string;
  message: string;
  field?: string;
}

/**
 * The failed reply to request `id`: an AppError as it is (code, message, field); anything else with
 * `code` and the message `describe` words for it.
 */
export function errorReply(
  id: number,
  err: unknown,
  code: string,
  describe: (err: unknown) => string,
): { id: number; ok: false; error: WorkerError } {
  const e = err instanceof AppError ? err : new AppError(code, describe(err));
  return { id, ok: false, error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
}
