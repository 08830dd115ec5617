import { useCallback, type ReactNode } from 'react';
import { LookupContext } from './LookupContext.js';
import { useLookupController } from './useLookupController.js';
import { useLookupHotkey } from './useLookupHotkey.js';

export function LookupProvider({ children }: { children: ReactNode }) {
  const state = useLookupController();
  const { inputRef } = state;
  const focus = useCallback(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [inputRef]);
  useLookupHotkey(focus);
  return <LookupContext.Provider value={state}>{children}</LookupContext.Provider>;
}
