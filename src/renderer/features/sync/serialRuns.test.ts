import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { serialRuns } from './serialRuns.js';

/** A run that stays open until released, counting how many overlap. */
function gatedRuns() {
  const state = { started: 0, running: 0, maxRunning: 0, release: [] as Array<() => void> };
  const run = async () => {
    const n = ++state.started;
    state.running++;
    state.maxRunning = Math.max(state.maxRunning, state.running);
    await new Promise<void>((r) => state.release.push(r));
    state.running--;
    return n;
  };
  return { state, run };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialRuns', () => {
  it('never overlaps runs, and 50 calls during a run share exactly one more run after it', async () => {
    const { state, run } = gatedRuns();
    const sync = serialRuns(run);
    const first = sync();
    const during = Array.from({ length: 50 }, () => sync());
    await tick();
    expect(state.started).toBe(1);
    state.release.shift()!();
    expect(await first).toBe(1);
    await tick();
    expect(state.started).toBe(2);
    state.release.shift()!();
    expect(new Set(await Promise.all(during))).toEqual(new Set([2]));
    expect(state.maxRunning).toBe(1);
    expect(await (async () => (setTimeout(() => state.release.shift()!(), 1), sync()))()).toBe(3);
  });

  it('runs the next one after a failed run, whose callers see the failure', async () => {
    let n = 0;
    const sync = serialRuns(async () => {
      if (++n === 1) throw new Error('server_unreachable');
      return n;
    });
    const a = sync();
    const b = sync();
    await expect(a).rejects.toThrow('server_unreachable');
    expect(await b).toBe(2);
  });

  it('keeps one sync at a time under a query refetched and invalidated with cancelRefetch', async () => {
    const { state, run } = gatedRuns();
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const queryFn = serialRuns(run);
    const query = qc.getQueryCache().build(qc, { queryKey: ['sync'], queryFn });
    const firstRun = query.fetch();
    await tick();
    state.release.shift()!();
    await firstRun; // the query has data: from now on a refetch cancels the fetch under way
    void query.fetch().catch(() => undefined);
    await tick();
    for (let i = 0; i < 20; i++) {
      void qc.refetchQueries({ queryKey: ['sync'] }).catch(() => undefined);
      void qc.invalidateQueries({ queryKey: ['sync'] }).catch(() => undefined);
    }
    await tick();
    while (state.release.length) {
      state.release.shift()!();
      await tick();
    }
    expect(state.maxRunning).toBe(1);
    expect(state.started).toBe(3); // the first, the one under way, and one more for all 40 triggers
  });
});
