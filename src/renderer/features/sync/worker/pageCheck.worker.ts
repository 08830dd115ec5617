/**
 * The page check worker: a thin message shell around pageCheck.ts, started by the sync worker
 * (pageChecks.ts). It touches neither the cache nor the network: text in, validated text out.
 */
import { handleCheckRequest } from './pageCheck.js';

interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (ev) => {
  const t0 = performance.now();
  const reply = handleCheckRequest(ev.data);
  // User timing for bench:lookup's worker breakdown (diagnostics only).
  try {
    performance.measure('sync.check', { start: t0, end: performance.now() });
  } catch (err) {
    console.warn('Callsign: user timing unavailable in the page check worker (diagnostics only)', err);
  }
  scope.postMessage(reply);
};
