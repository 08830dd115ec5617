import { useEffect, useRef } from 'react';
import { useRecordRecent } from '../favourites/mutations.js';
import type { CurrentCaller } from './CallerContext.js';
import type { LookupState } from './LookupContext.js';

/**
 * After each successful identification: records it in "Recent lookups" and, when it is not
 * ambiguous, makes the best candidate the current caller. Once per looked-up text — a sync that
 * re-computes the same lookup records nothing new.
 */
export function useTrackIdentification(
  { submitted, outcome }: Pick<LookupState, 'submitted' | 'outcome'>,
  setCaller: (c: CurrentCaller) => void,
): void {
  const recent = useRecordRecent();
  const record = recent.mutate;
  const done = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!submitted || !outcome?.ok || done.current === submitted) return;
    const { candidates, ambiguous } = outcome.result;
    const best = candidates[0];
    if (!best) return;
    done.current = submitted;
    const at = Date.now();
    if (!ambiguous) setCaller({ candidate: best, input: submitted, at });
    record({
      input: submitted,
      at,
      ...(ambiguous ? {} : { siteId: best.siteId, ...(best.profileId ? { profileId: best.profileId } : {}) }),
    });
  }, [submitted, outcome, setCaller, record]);
  useEffect(() => {
    if (!submitted) done.current = undefined;
  }, [submitted]);
}
