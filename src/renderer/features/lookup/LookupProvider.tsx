import { useCallback, type ReactNode } from 'react';
import { CallerContext } from './CallerContext.js';
import { LookupContext } from './LookupContext.js';
import { useCallerState } from './useCallerState.js';
import { useLookupController } from './useLookupController.js';
import { useLookupHotkey } from './useLookupHotkey.js';
import { useTrackIdentification } from './useTrackIdentification.js';

/** The lookup box's state and the current caller, shared by the top bar and every page. */
export function LookupProvider({ children }: { children: ReactNode }) {
  const state = useLookupController();
  const caller = useCallerState();
  useTrackIdentification(state, caller.setCaller);
  const { inputRef } = state;
  const focus = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [inputRef]);
  useLookupHotkey(focus);
  return (
    <LookupContext.Provider value={state}>
      <CallerContext.Provider value={caller}>{children}</CallerContext.Provider>
    </LookupContext.Provider>
  );
}
