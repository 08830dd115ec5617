import { useContext } from 'react';
import { CallerContext, type CallerState } from './CallerContext.js';

export function useCaller(): CallerState {
  const s = useContext(CallerContext);
  if (!s) throw new Error('useCaller must be used inside <LookupProvider>');
  return s;
}
