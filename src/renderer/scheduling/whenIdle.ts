/**
 * Settles when the main thread is idle, at the latest after `timeoutMs`: for work that must not
 * delay a change becoming visible (saving the caller index takes ~100k keys and packs them). Without
 * `requestIdleCallback` (Node, the unit tests) it settles on the next macrotask.
 */
export function whenIdle(timeoutMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}
