/**
 * Cooperative time slicing for work that must share the renderer's main thread with the UI (loading
 * the directory, applying sync pages): a loop checks `due()` and, when its slice is spent, awaits
 * `pause()` so input, paint and lookups run before the next slice. Slices stay far below the 50 ms
 * long-task threshold; the 100 ms no-stall budget of issue 12 is what they protect.
 *
 * The yield is a MessageChannel message, not setTimeout: timers in a hidden or minimised window are
 * throttled to one per second, which would stretch a 3 s index build over minutes.
 */
export const SLICE_MS = 12;

export interface TimeSlicer {
  /** True once the current slice has used its budget. */
  due(): boolean;
  /** Yields to the event loop and starts a new slice. */
  pause(): Promise<void>;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createTimeSlicer(budgetMs = SLICE_MS, now = () => performance.now()): TimeSlicer {
  let start = now();
  return {
    due: () => now() - start >= budgetMs,
    async pause() {
      await yieldToEventLoop();
      start = now();
    },
  };
}

/** Runs `fn` over `items`, yielding whenever a slice is spent. */
export async function forEachSliced<T>(items: Iterable<T>, fn: (item: T) => void, slicer = createTimeSlicer()) {
  for (const item of items) {
    fn(item);
    if (slicer.due()) await slicer.pause();
  }
}
