import { useContext } from 'react';
import { LookupContext, type LookupState } from './LookupContext.js';

export function useLookup(): LookupState {
  const s = useContext(LookupContext);
  if (!s) throw new Error('useLookup must be used inside <LookupProvider>');
  return s;
}
