import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { workerError } from './workerError.js';

describe('workerError (an error in a reply across a worker boundary)', () => {
  it('keeps an AppError as it is, field included, and words anything else', () => {
    const otherwise = (e: unknown) => new AppError('internal', `Failed: ${String(e)}`);
    expect(workerError(new AppError('bad_request', 'Bad', 'syncPage.seq'), otherwise)).toEqual({
      code: 'bad_request',
      message: 'Bad',
      field: 'syncPage.seq',
    });
    expect(workerError(new AppError('unavailable', 'Gone'), otherwise)).toEqual({
      code: 'unavailable',
      message: 'Gone',
    });
    expect(workerError(new TypeError('x is undefined'), otherwise)).toEqual({
      code: 'internal',
      message: 'Failed: TypeError: x is undefined',
    });
  });
});
