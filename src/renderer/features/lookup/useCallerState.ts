import { useMemo, useState } from 'react';
import type { CallerState, CurrentCaller } from './CallerContext.js';

/** Owns the current caller (see CallerContext). */
export function useCallerState(): CallerState {
  const [caller, setCaller] = useState<CurrentCaller | undefined>(undefined);
  return useMemo(() => ({ caller, setCaller }), [caller]);
}
