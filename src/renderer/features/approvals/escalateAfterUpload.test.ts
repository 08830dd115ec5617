import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import { escalateAfterUpload } from './escalateAfterUpload.js';

const noSleep = async () => undefined;

describe('escalateAfterUpload', () => {
  it('asks again while the record is not uploaded yet (not_found), then returns the count', async () => {
    let calls = 0;
    const slept: number[] = [];
    const r = await escalateAfterUpload(
      async () => {
        calls++;
        if (calls < 3) throw new AppError('not_found', 'recordId: not uploaded yet', 'recordId');
        return { notified: 2 };
      },
      [10, 20, 40],
      async (ms) => void slept.push(ms),
    );
    expect(r).toEqual({ notified: 2 });
    expect(calls).toBe(3);
    expect(slept).toEqual([10, 20]);
  });

  it('gives up with the last error after the delays, and never retries other errors', async () => {
    let calls = 0;
    const missing = escalateAfterUpload(
      async () => {
        calls++;
        throw new AppError('not_found', 'recordId: not uploaded yet', 'recordId');
      },
      [1, 1],
      noSleep,
    );
    await expect(missing).rejects.toMatchObject({ code: 'not_found' });
    expect(calls).toBe(3);

    calls = 0;
    const limited = escalateAfterUpload(
      async () => {
        calls++;
        throw new AppError('rate_limited', 'Wait a few minutes');
      },
      [1, 1],
      noSleep,
    );
    await expect(limited).rejects.toMatchObject({ code: 'rate_limited' });
    expect(calls).toBe(1);
  });
});
