/**
 * The wizard's escalation call. The server escalates only a stored record (issue 11 #5), and
 * escalates an escalated record itself when it is uploaded — which the uploader starts as soon as
 * the record is written. So the call usually just reads the count of contacts notified; until the
 * record has reached the server it answers 404 `not_found`, and this asks again after each delay.
 */
import { AppError } from '../../../shared/api/errors.js';

export const ESCALATION_RETRY_DELAYS_MS = [1_000, 2_000, 4_000] as const;

export async function escalateAfterUpload(
  ask: () => Promise<{ notified: number }>,
  delays: readonly number[] = ESCALATION_RETRY_DELAYS_MS,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ notified: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ask();
    } catch (err) {
      const retry = err instanceof AppError && err.code === 'not_found' && attempt < delays.length;
      if (!retry) throw err;
      await sleep(delays[attempt]!);
    }
  }
}
