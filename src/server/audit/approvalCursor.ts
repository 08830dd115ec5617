/** The list's opaque keyset cursor: the last row's (created_ms, id), base64url JSON. */
import { AppError } from '../../shared/api/errors.js';

export const encodeCursor = (createdMs: number, id: string): string =>
  Buffer.from(JSON.stringify([createdMs, id])).toString('base64url');

export function decodeCursor(cursor: string): { createdMs: number; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string')
      return { createdMs: v[0] as number, id: v[1] };
  } catch {
    // falls through to the error below: a cursor that does not parse is the caller's mistake
  }
  throw new AppError(
    'bad_request',
    'cursor: not a cursor of this list. Pass nextCursor from the previous page unchanged, or leave it out for the first page.',
    'cursor',
  );
}
