/**
 * Normalises anything thrown by an IPC call into an AppError. Electron's preload rethrows a plain
 * Error with `code`/`field` assigned; the bridge client throws AppError itself.
 */
import { AppError } from '../../shared/api/errors.js';

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; field?: unknown };
    if (typeof e.code === 'string' && typeof e.message === 'string') {
      return new AppError(e.code, e.message, typeof e.field === 'string' ? e.field : undefined);
    }
  }
  return new AppError('unknown', 'Something went wrong. Try again.');
}
