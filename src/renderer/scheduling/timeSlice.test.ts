import { describe, expect, it } from 'vitest';
import { createTimeSlicer, forEachSliced } from './timeSlice.js';

describe('time slicing', () => {
  it('yields to the event loop once a slice is spent, so other work runs between slices', async () => {
    let clock = 0;
    const slicer = createTimeSlicer(10, () => clock);
    const seen: string[] = [];
    let interleaved = 0;
    const other = setInterval(() => interleaved++, 0);
    await forEachSliced(
      Array.from({ length: 30 }, (_, i) => i),
      (i) => {
        clock += 4; // each item "costs" 4 ms: a slice holds 3 items
        seen.push(String(i));
      },
      slicer,
    );
    clearInterval(other);
    expect(seen).toHaveLength(30);
    // Other tasks got the thread between slices: a loop that never yields would leave this at 0.
    expect(interleaved).toBeGreaterThan(0);
  });

  it('does not yield while the slice has budget left', async () => {
    let clock = 0;
    const slicer = createTimeSlicer(10, () => clock);
    clock = 9;
    expect(slicer.due()).toBe(false);
    clock = 10;
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
  });
});
