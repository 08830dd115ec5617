import { AppError } from '../../../../shared/api/errors.js';

/** An error as it crosses a worker boundary in a reply (structured clone keeps no Error class). */
export interface WorkerError {
  code: string;
  message: string;
  field?: string;
}

/** `err` for a reply: an AppError as it is (code, message, field), anything else as `otherwise` words it. */
export function workerError(err: unknown, otherwise: (err: unknown) => AppError): WorkerError {
  const e = err instanceof AppError ? err : otherwise(err);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
}
