import { useEffect, useState } from 'react';
import { remainingMs } from '../../../shared/credentials/countdown.js';

/** Milliseconds left until `expiresAt`, ticking every 250 ms; stops at 0. */
export function useCountdown(expiresAt: string): number {
  const [left, setLeft] = useState(() => remainingMs(expiresAt, Date.now()));
  useEffect(() => {
    const tick = () => setLeft(remainingMs(expiresAt, Date.now()));
    tick();
    const id = setInterval(tick, 250);
    return () => clearInterval(id);
  }, [expiresAt]);
  return left;
}
