import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { errorReply } from './workerError.js';

describe('errorReply (a failed reply across a worker boundary)', () => {
  it('keeps an AppError as it is, field included, and words anything else with the given code', () => {
    const describe = (e: unknown) => `Failed: ${String(e)}`;
    expect(errorReply(3, new AppError('bad_request', 'Bad', 'syncPage.seq'), 'internal', describe)).toEqual({
      id: 3,
      ok: false,
      error: { code: 'bad_request', message: 'Bad', field: 'syncPage.seq' },
    });
    expect(errorReply(4, new TypeError('x is undefined'), 'internal', describe)).toEqual({
      id: 4,
      ok: false,
      error: { code: 'internal', message: 'Failed: TypeError: x is undefined' },
    });
  });
});
