import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
  performance.clearMeasures();
  performance.clearMarks();
});

describe('userTiming', () => {
  it('records a measure between two readings and a mark, by name', async () => {
    const { measure, mark } = await import('./userTiming.js');
    measure('test.step', 10, 35);
    mark('test.ready');
    const [entry] = performance.getEntriesByName('test.step');
    expect(entry).toMatchObject({ entryType: 'measure', startTime: 10, duration: 25 });
    expect(performance.getEntriesByName('test.ready')[0]?.entryType).toBe('mark');
  });

  it('never throws when the runtime refuses an entry, and says so once, not once per call', async () => {
    const { measure, mark } = await import('./userTiming.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(performance, 'measure').mockImplementation(() => {
      throw new TypeError('measure refused');
    });
    vi.spyOn(performance, 'mark').mockImplementation(() => {
      throw new TypeError('mark refused');
    });
    expect(() => {
      for (let page = 0; page < 5; page++) measure('sync.write', 0, 1);
      mark('directory.exact-ready');
    }).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/user timing is unavailable/);
    expect(warn.mock.calls[0]![1]).toBeInstanceOf(TypeError);
  });
});
